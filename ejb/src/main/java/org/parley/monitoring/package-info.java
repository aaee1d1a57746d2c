/**
 * Monitoring: the admin dashboard's figures (open conversations, messages per minute over the last
 * hour, database health) and ending a live socket. {@code Operations} fires {@code DisconnectRequested}
 * in the transaction that audits it; the web module's socket registry closes the socket after the commit.
 */
package org.parley.monitoring;
