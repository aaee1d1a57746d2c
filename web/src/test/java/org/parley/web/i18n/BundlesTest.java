package org.parley.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundle of words is complete where Parley promises it: en-US (the base file), de-DE and
 * the right-to-left ar-SA have every key; the other cultures have no key the base lacks; and a
 * translation keeps the placeholders of the English text.
 */
class BundlesTest {

    private static final Set<String> FULLY_TRANSLATED = Set.of("de", "ar");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

    /** Each bundle as its folder and base name: those of the pages, and the backing beans' validation messages. */
    static Stream<Path> bundles() throws IOException, URISyntaxException {
        Path validation = folder().getParent().getParent().getParent().getParent().resolve("ValidationMessages");
        try (Stream<Path> files = Files.list(folder())) {
            return Stream.concat(files.filter(file -> file.getFileName().toString().endsWith(".properties")
                                    && !file.getFileName().toString().contains("_"))
                            .map(file -> file.resolveSibling(file.getFileName().toString().replace(".properties", "")))
                            .sorted().toList().stream(),
                    Stream.of(validation));
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyKeyIsTranslatedIntoGermanAndArabicAndNoCultureHasAKeyTheBaseLacks(Path named) throws Exception {
        String bundle = named.getFileName().toString();
        Path folder = named.getParent();
        Properties base = read(folder.resolve(bundle + ".properties"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(bundle + "_")).toList()) {
                String culture = file.getFileName().toString().substring(bundle.length() + 1).replace(".properties", "");
                Properties translated = read(file);
                Set<String> stray = new TreeSet<>(translated.stringPropertyNames());
                stray.removeAll(base.stringPropertyNames());
                assertTrue(stray.isEmpty(), file.getFileName() + " has keys that " + bundle + ".properties lacks: " + stray);
                if (FULLY_TRANSLATED.contains(culture)) {
                    Set<String> missing = new TreeSet<>(base.stringPropertyNames());
                    missing.removeAll(translated.stringPropertyNames());
                    assertTrue(missing.isEmpty(), file.getFileName() + " lacks " + missing);
                }
                for (String key : translated.stringPropertyNames()) {
                    String text = translated.getProperty(key);
                    assertFalse(text.isBlank(), file.getFileName() + ": " + key + " is empty");
                    assertEquals(placeholders(base.getProperty(key)), placeholders(text),
                            file.getFileName() + ": " + key + " keeps the placeholders of the English text");
                }
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Matcher found = PLACEHOLDER.matcher(text);
        return found.results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(BundlesTest.class.getResource("/org/parley/web/i18n/Pages.properties").toURI()).getParent();
    }
}
