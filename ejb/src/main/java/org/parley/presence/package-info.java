/**
 * Presence: who is online right now. {@code PresenceRegistry} keeps every member's connected
 * clients and each client's status in memory (no database on this path), computes the member's
 * aggregate status (the most available of their clients, or Offline when they appear offline),
 * runs the grace period after the last client leaves, and fires {@code PresenceChanged}.
 */
package org.parley.presence;
