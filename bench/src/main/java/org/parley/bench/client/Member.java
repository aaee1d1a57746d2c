package org.parley.bench.client;

/** A member the bench set up: sharing on the web under {@code cid}, signed in with the session in {@code cookie}. */
public record Member(String username, String cid, String cookie) {
}
