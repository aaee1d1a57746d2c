package org.parley.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.ParseException;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.glassfish.jersey.message.internal.HttpHeaderReader;
import org.junit.jupiter.api.Test;

/**
 * Which {@code Accept} headers the APIs refuse before JAX-RS sees them: exactly those Jersey itself cannot read (it gave
 * them the container's HTML 400 page). Each value below was sent to Payara's Jersey before the filter, and the answer
 * noted: readable ones got 200 or 406, unreadable ones 400.
 */
class ContentTypesTest {

    private static final List<String> JERSEY_READS = List.of("a/b,", "a/b;q=.5", "a/b;q=1.000", "a/b;q=0.", "a/b;q=1.",
            "a/b;q=\"0.5\"", "a/b;x=\"1,2\"", "*/*;q=0.001", "application/json; q=0.9",
            "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "a/b ;q=0.5", "text", "*", "");

    private static final List<String> JERSEY_REFUSES = List.of(",", ",a/b", "a/b, ,c/d", "a/b;q=1.5", "a/b;Q=x", "a/b;q=",
            "a/b;x=\"1", "a/b;q=0.5;q=x", "a/b;q = 0.5", "text/html;q=x", "/", ";;;", "text/html;q=2", "text/html;q=0.5555",
            "a/b;c", "a/b;c=", "text/*;level=1,,", "\"x\"");

    @Test
    void anAcceptIsRefusedExactlyWhenJerseyCannotReadIt() {
        List<String> wrong = Stream.concat(
                JERSEY_READS.stream().filter(accept -> !ContentTypes.acceptable(accept)).map(accept -> "refused: " + accept),
                JERSEY_REFUSES.stream().filter(ContentTypes::acceptable).map(accept -> "taken: " + accept)).toList();
        assertEquals(List.of(), wrong);
    }

    /** The same, for any header made of what media types are made of: as Jersey reads it (its own reader, on the test's path). */
    @Property(tries = 5_000)
    void anyAcceptIsRefusedExactlyWhenJerseyCannotReadIt(@ForAll("accepts") String accept) {
        assertEquals(jerseyReads(accept), ContentTypes.acceptable(accept), accept);
    }

    @Provide
    Arbitrary<String> accepts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab*/;=,q.01 59\"").ofMaxLength(24),
                Arbitraries.of(JERSEY_READS).flatMap(accept -> Arbitraries.strings().withChars(",; q=.0\"").ofMaxLength(4)
                        .map(tail -> accept + tail)));
    }

    private static boolean jerseyReads(String accept) {
        try {
            HttpHeaderReader.readAcceptMediaType(accept);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    /** Jersey reads a quality value in a Content-Type too (when it chooses the method): one it cannot read is refused. */
    @Test
    void aContentTypeIsRefusedWhenJerseyCannotReadItsQuality() {
        assertEquals(List.of(true, true, true, false, false, false),
                Stream.of("application/x-www-form-urlencoded", "a/b;q=0.5", "a/b; charset=utf-8", "text/html;q=x", "a/b;q=2",
                        "%zz/;;;").map(ContentTypes::readable).toList());
    }

    @Test
    void noAcceptIsAnyType() {
        assertEquals(true, ContentTypes.acceptable(null));
    }
}
