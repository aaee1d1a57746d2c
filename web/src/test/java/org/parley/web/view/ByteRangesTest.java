package org.parley.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ByteRangesTest {

    @Test
    void oneRangeOfBytesReachesTheFileServletAsItCame() {
        for (String range : List.of("bytes=0-99", "bytes=100-", "bytes=-100", "BYTES=0-0", " bytes = 5-10 ")) {
            HttpServletRequest request = request(List.of(range));
            assertSame(request, ByteRanges.oneAtMost(request), range);
        }
        HttpServletRequest none = request(List.of());
        assertSame(none, ByteRanges.oneAtMost(none));
    }

    @Test
    void severalRangesOrOneThatCannotBeReadAreNotSeenSoTheWholeFileIsAnswered() {
        List<List<String>> hostile = new ArrayList<>();
        hostile.add(List.of("bytes=" + String.join(",", Collections.nCopies(10, "0-"))));
        hostile.add(List.of("bytes=0-1,5-6"));
        hostile.add(List.of("bytes=0-1", "bytes=5-6"));
        hostile.add(List.of("bytes=x"));
        hostile.add(List.of("items=0-1"));
        hostile.add(List.of("bytes=1-2-3"));
        hostile.add(List.of("bytes=" + "9".repeat(30) + "-"));
        hostile.add(List.of("bytes=0-1\u0000"));
        for (List<String> ranges : hostile) {
            HttpServletRequest seen = ByteRanges.oneAtMost(request(ranges));
            assertNull(seen.getHeader("Range"), ranges.toString());
            assertNull(seen.getHeader("range"), ranges.toString());
            assertFalse(seen.getHeaders("Range").hasMoreElements(), ranges.toString());
            assertEquals(List.of("Host", "Accept"), Collections.list(seen.getHeaderNames()), ranges.toString());
            assertEquals("parley.intranet", seen.getHeader("Host"), ranges.toString());
        }
    }

    /** A request with {@code Host}, {@code Accept} and each of {@code ranges} as a {@code Range} header. */
    private static HttpServletRequest request(List<String> ranges) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("parley.intranet"));
        headers.put("Accept", List.of("*/*"));
        if (!ranges.isEmpty()) {
            headers.put("Range", ranges);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(ByteRangesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault(name(headers, args), List.of()));
                    case "getHeader" -> headers.getOrDefault(name(headers, args), List.of()).stream().findFirst().orElse(null);
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The header's name as the request holds it: names are matched regardless of case. */
    private static String name(Map<String, List<String>> headers, Object[] args) {
        return headers.keySet().stream().filter(key -> key.equalsIgnoreCase((String) args[0])).findFirst().orElse("");
    }
}
