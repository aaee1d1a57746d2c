package org.parley.storage.boundary;

/** What the health checks report about the database. */
public record DatabaseStatus(boolean up, String product, String detail) {
}
