package org.parley.web.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the container's file servlet is told of a request's {@code Range}: one range of bytes, or nothing, so that it
 * answers the whole file ({@code 200}), as RFC 9110 §14.2 lets a server do with a {@code Range} it does not serve. It
 * answered several ranges of the same bytes with each of them again ({@code bytes=0-,0-,…}: ten times the file for ten),
 * and more than about ten with {@code 403} and Parley's page "Your account may not open this page.", and a {@code Range}
 * it could not read with its own error page ({@code 416}, "Payara Micro - Error report").
 */
final class ByteRanges {

    /** One range of bytes ({@code bytes=0-99}, {@code bytes=100-}, {@code bytes=-100}): RFC 9110 §14.1.1 with a single range. */
    private static final Pattern ONE = Pattern.compile("(?i)bytes[ \t]*=[ \t]*(\\d{1,18}-\\d{0,18}|-\\d{1,18})");

    private ByteRanges() {
    }

    /** {@code request} as it is when it has no {@code Range} or asks for one range of bytes; else without its {@code Range}. */
    static HttpServletRequest oneAtMost(HttpServletRequest request) {
        Enumeration<String> ranges = request.getHeaders("Range");
        if (ranges == null || !ranges.hasMoreElements()) {
            return request;
        }
        String first = ranges.nextElement();
        if (!ranges.hasMoreElements() && ONE.matcher(first.strip()).matches()) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Range".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Range".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                names.removeIf("Range"::equalsIgnoreCase);
                return Collections.enumeration(names);
            }
        };
    }
}
