/**
 * Parley's HTTP guard, a Grizzly extension Payara loads by configuration from a library added to
 * the server (Payara Micro {@code --addlibs}, a domain's {@code lib/}): a request path Payara's
 * own decoder cannot take is answered {@code 400} with a readable reason before it reaches the
 * web container; and a plain request for what the application has ready ({@link
 * org.parley.httpguard.boundary.DirectAnswers}, the Presence API) is answered there too, without
 * the container's per-request work; and a connection whose peer stopped reading is ended once its bytes have not
 * moved for a while ({@link org.parley.httpguard.boundary.StalledWrites}), which Grizzly alone never does; and a peer
 * that sends more requests while its answers wait is read no further, so no container thread waits for it ({@link
 * org.parley.httpguard.boundary.StalledWriteFilter}), and one that never sends a whole request is closed; a request
 * is handed on only once its whole body has come, so no container thread waits for a slow sender ({@link org.parley.httpguard.boundary.WholeBodyFilter}). Depends on
 * Grizzly only, never on Parley's application.
 */
package org.parley.httpguard.boundary;
