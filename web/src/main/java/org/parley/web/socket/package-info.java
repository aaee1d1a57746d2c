/**
 * The WebSocket adapters: {@code ControlSocket} (visitors, {@code /ws/control}) and
 * {@code ClientSocket} (members, {@code /ws/client}) decode frames, identify the caller and
 * call the messaging and presence boundaries; {@code SocketSessions} observes their events and
 * writes to the right sessions through bounded {@code Outbox}es. docs/protocol.md is the wire format.
 */
package org.parley.web.socket;
