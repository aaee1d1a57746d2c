package org.parley.monitoring.entity;

/**
 * An administrator ends a live socket, fired in the transaction that audits it: after the commit,
 * the socket registry (in the web module) closes that socket, telling its peer why.
 *
 * @param socketId    the socket's id, as the live sessions list shows it
 * @param member      the member whose client it is, or whom the visitor was visiting (may be null)
 * @param description the socket as the administrator saw it (kind and address), for the audit trail
 * @param actor       the administrator
 * @param address     where they were
 */
public record DisconnectRequested(String socketId, String member, String description, String actor, String address) {
}
