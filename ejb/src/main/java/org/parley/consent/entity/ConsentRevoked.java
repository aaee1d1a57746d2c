package org.parley.consent.entity;

/** Fired after a consent was revoked (and with it every token under it), so sockets it authenticated close. */
public record ConsentRevoked(String consentId, String member) {
}
