package org.parley.messaging.entity;

/** The visitor as the member sees them: a nickname, or a verified member's name. */
public record VisitorIdentity(String name, boolean verified) {
}
