package org.parley.web.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No page has words of its own: every text a person reads on a page (element text, labels,
 * titles, placeholders, the messages of required fields…) comes from a bundle, so that every
 * page can be shown in every shipped language.
 */
class PagesSpeakFromBundlesTest {

    private static final Path PAGES = Path.of("src", "main", "webapp");
    /** Expressions ({@code #{…}}) are where the bundles' words come in. */
    private static final Pattern EXPRESSION = Pattern.compile("[#$]\\{[^}]*}");
    /** What may stay: the product's name, and words that are the same in every language. */
    private static final Pattern NEUTRAL = Pattern.compile("Parley|CID|HTML|[\\p{P}\\p{S}\\p{N}\\s]");
    private static final Set<String> READ_ATTRIBUTES = Set.of("value", "title", "alt", "placeholder", "aria-label",
            "label", "itemlabel", "requiredmessage", "validatormessage", "convertermessage", "headertext",
            "footertext", "emptymessage", "summary", "header", "tooltip", "noselectionlabel");
    /** Elements whose content is no prose: scripts, styles, code samples. */
    private static final Set<String> NOT_PROSE = Set.of("script", "style", "code", "h:outputscript", "h:outputstylesheet");

    @Test
    void everyTextOfEveryPageComesFromABundle() throws IOException {
        List<String> words = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
                Document document = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "", Parser.xmlParser());
                for (Element element : document.getAllElements()) {
                    if (element.parents().stream().anyMatch(p -> NOT_PROSE.contains(p.tagName().toLowerCase()))
                            || NOT_PROSE.contains(element.tagName().toLowerCase())) {
                        continue;
                    }
                    for (TextNode text : element.textNodes()) {
                        own(text.getWholeText()).ifPresent(w -> words.add(PAGES.relativize(page) + ": <"
                                + element.tagName() + "> \"" + w + "\""));
                    }
                    for (Attribute attribute : element.attributes()) {
                        if (READ_ATTRIBUTES.contains(attribute.getKey().toLowerCase()) && shown(element, attribute)) {
                            own(attribute.getValue()).ifPresent(w -> words.add(PAGES.relativize(page) + ": "
                                    + element.tagName() + "@" + attribute.getKey() + " \"" + w + "\""));
                        }
                    }
                }
            }
        }
        assertTrue(words.isEmpty(), "words written into pages instead of bundles:\n" + String.join("\n", words));
    }

    /** A plain HTML {@code value} is data (an option's, a radio button's), shown only on buttons; a component's is shown. */
    private static boolean shown(Element element, Attribute attribute) {
        if (!attribute.getKey().equalsIgnoreCase("value") || element.tagName().contains(":")) {
            return true;
        }
        return element.tagName().equalsIgnoreCase("input")
                && Set.of("submit", "button", "reset").contains(element.attr("type").toLowerCase());
    }

    /** The text's own words, if any are left once its expressions and neutral parts are taken out. */
    private static java.util.Optional<String> own(String text) {
        String left = NEUTRAL.matcher(EXPRESSION.matcher(text).replaceAll("")).replaceAll("");
        return left.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text.strip());
    }
}
