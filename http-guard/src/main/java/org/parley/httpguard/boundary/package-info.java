/**
 * Parley's HTTP guard, a Grizzly extension Payara loads by configuration from a library added to
 * the server (Payara Micro {@code --addlibs}, a domain's {@code lib/}): a request path Payara's
 * own decoder cannot take is answered {@code 400} with a readable reason before it reaches the
 * web container; and a plain request for what the application has ready ({@link
 * org.parley.httpguard.boundary.DirectAnswers}, the Presence API) is answered there too, without
 * the container's per-request work. Every connection is watched from its accept on ({@link
 * org.parley.httpguard.boundary.ConnectionWatch}, swept by the application): one whose peer stopped reading is ended
 * once its bytes have not moved for a while, which Grizzly alone never does; one that sends no whole request head in
 * time (after its accept or its last answer), or a body slower than a few hundred bytes a second, is closed; one
 * beyond what its address, or all addresses together, may hold open is answered at its accept and closed. A peer
 * that sends more requests while its answers wait is read no further, so no container thread waits for it, and what
 * waits for one address is bounded ({@link org.parley.httpguard.boundary.ConnectionWatchFilter}); a request is handed
 * on only once its whole body has come, so no container thread waits for a slow sender ({@link
 * org.parley.httpguard.boundary.WholeBodyFilter}). Depends on
 * Grizzly only, never on Parley's application.
 */
package org.parley.httpguard.boundary;
