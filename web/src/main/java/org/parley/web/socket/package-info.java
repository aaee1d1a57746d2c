/**
 * The WebSocket adapters: {@code ControlSocket} (visitors, {@code /ws/control}),
 * {@code ClientSocket} (members, {@code /ws/client}) and {@code PresenceSocket} (directory pages,
 * {@code /ws/presence}) decode frames, identify the caller and call the messaging and presence
 * boundaries; {@code SocketSessions} observes their events and writes to the right sessions through
 * bounded {@code Outbox}es, and closes the sockets whose access token ended ({@code BearerSockets});
 * {@code SocketLimits} holds what one address may open and send on the
 * anonymous sockets. docs/protocol.md is the wire format.
 */
package org.parley.web.socket;
