package org.parley.httpguard.boundary;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * Tells HTTP/1.x from anything else on the port, in place of Payara's finder
 * ({@code org.glassfish.grizzly.config.portunif.HttpProtocolFinder}): a request line is a method in capitals, a space, a
 * target without spaces or line ends, a space and {@code HTTP/}, within {@link #MOST_BYTES}.
 * <p>
 * Payara's finder took only methods that start with one of {@code GPOHDTC}, and once 2 KiB had come without its
 * {@code HTTP/} (a long target split over TCP segments, as on any real network) it gave up; what it did not take, the
 * port unification closed without a word. A request line without a version (HTTP/0.9's {@code GET /}) left it waiting
 * until the guard closed the connection as too slow. Here an unknown method passes on to the guard's filters (which
 * answer it {@code 405}), a line that ends before its version is known at once, and what is no HTTP request is answered
 * {@code 400} by {@link GuardedPortUnification}.
 */
final class RequestLineFinder implements ProtocolFinder {

    /** The longest request line taken, as long as the longest head Payara's HTTP codec takes (8 KiB). */
    static final int MOST_BYTES = 8 * 1024;

    private static final byte[] VERSION = {'H', 'T', 'T', 'P', '/'};

    private enum Part { METHOD, TARGET, VERSION }

    @Override
    public Result find(PUContext puContext, FilterChainContext ctx) {
        return classify(ctx.getMessage());
    }

    /** Whether what came so far, from the buffer's position to its limit, starts as an HTTP/1.x request line. */
    static Result classify(Buffer buffer) {
        int start = buffer.position();
        int limit = buffer.limit();
        Part part = Part.METHOD;
        int versionAt = 0;
        for (int i = start; i < limit; i++) {
            if (i - start == MOST_BYTES) {
                return Result.NOT_FOUND; // longer than the codec takes, which would answer it 400 without a word
            }
            byte b = buffer.get(i);
            switch (part) {
                case METHOD -> {
                    if (b == ' ' && i > start) {
                        part = Part.TARGET;
                    } else if (b < 'A' || b > 'Z') {
                        return Result.NOT_FOUND;
                    }
                }
                case TARGET -> {
                    if (b == ' ') {
                        part = Part.VERSION;
                    } else if (b == '\r' || b == '\n') {
                        return Result.NOT_FOUND; // HTTP/0.9's "GET /", or a line without its version
                    }
                }
                case VERSION -> {
                    if (b != VERSION[versionAt]) {
                        return Result.NOT_FOUND;
                    }
                    if (++versionAt == VERSION.length) {
                        return Result.FOUND;
                    }
                }
            }
        }
        return Result.NEED_MORE_DATA;
    }
}
