package org.parley.web.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/**
 * The one JSON-P provider of the web module and its factories. {@code jakarta.json.Json.create*()}
 * looks the provider up again (a {@code ServiceLoader} scan of the server's class path) on every
 * call; on the hot paths that was a third of the server's CPU (DESIGN.md), so nothing calls it.
 */
public final class JsonBuilders {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private JsonBuilders() {
    }

    public static JsonObjectBuilder object() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    public static JsonParser parser(String text) {
        return PARSERS.createParser(new StringReader(text));
    }
}
