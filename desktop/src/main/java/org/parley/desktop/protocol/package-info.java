/**
 * The wire protocol of the members' socket {@code /ws/client} and of the visitor side of {@code /ws/control} (a member
 * writing to a colleague) (SPEC.md §5, docs/protocol.md): the
 * frames the server sends, decoded into records ({@link org.parley.desktop.protocol.ServerFrame}),
 * and the frames the client sends ({@link org.parley.desktop.protocol.ClientFrames}). No I/O and no
 * state live here.
 */
package org.parley.desktop.protocol;
