/**
 * The member's connection, below any user interface: {@link org.parley.desktop.session.Session} keeps
 * the conversations, confirms every visitor message it hands on ({@code received}), tracks what the
 * member typed until the server acknowledges it (and sends it again after a reconnect), refreshes the
 * access token before it expires, restores the chosen status, and reconnects with backoff and jitter.
 * Its state lives on one thread of its own; listeners get immutable {@link org.parley.desktop.session.Snapshot}s.
 * Sockets and token requests are behind {@link org.parley.desktop.session.Transport} and
 * {@link org.parley.desktop.session.Credentials}, so the window and the text mode share all of it.
 */
package org.parley.desktop.session;
