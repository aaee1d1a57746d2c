/**
 * Storage: Parley's one database. Owns the application-defined data source
 * ({@code java:app/jdbc/parley}), configured from MicroProfile Config, and the versioned
 * Flyway migrations that create and upgrade the schema once at start-up, before any query.
 * {@code Like} makes search text typed by admins into literal {@code LIKE} patterns. Fires no events.
 */
package org.parley.storage;
