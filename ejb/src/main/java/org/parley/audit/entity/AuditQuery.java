package org.parley.audit.entity;

import java.time.Instant;

/**
 * Which audit entries an admin looks for: those whose actor and action contain the given texts (in
 * any case), written at or after {@code from} and before {@code to}. Empty texts and null times
 * leave that part open.
 */
public record AuditQuery(String actor, String action, Instant from, Instant to) {

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null);
}
