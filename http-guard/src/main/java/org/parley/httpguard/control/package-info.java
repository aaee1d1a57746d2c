/**
 * The rules of the HTTP guard, free of Grizzly: which request paths are refused
 * ({@link org.parley.httpguard.control.RequestTargets}) and how the refusal reads
 * ({@link org.parley.httpguard.control.Refusal}), which WebSocket handshakes are
 * ({@link org.parley.httpguard.control.WebSocketHandshakes}), and which frames close a WebSocket
 * ({@link org.parley.httpguard.control.WebSocketFrameHeads}).
 */
package org.parley.httpguard.control;
