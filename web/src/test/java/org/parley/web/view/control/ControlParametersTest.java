package org.parley.web.view.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlParametersTest {

    private static final String CID = "3F2A9C41D07B55E1";

    /** Parameters as a request gives them, in order: name, value, name, value, … */
    private static ControlParameters parse(String... namesAndValues) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return ControlParameters.parse(parameters);
    }

    @Test
    void parameterNamesAreReadInAnyCase() {
        assertEquals(Optional.of(CID), parse("invitee", CID).invitee());
        assertEquals(Optional.of(CID), parse("Invitee", CID).invitee());
        assertEquals(Optional.of(CID + "@intranet"), parse("INVITEE", CID + "@intranet").invitee());
        ControlParameters legacy = parse("Invitee", CID, "MKT", "de-DE", "UseTheme", "FALSE", "THEMENAME", "Green",
                "View", "BUTTON", "DT", "ticket", "HeaderBackColor", "ABC", "chatbackcolor", "00ff00");
        assertEquals(Locale.forLanguageTag("de-DE"), legacy.culture());
        assertFalse(legacy.useTheme());
        assertEquals(Theme.GREEN, legacy.theme());
        assertEquals(ControlView.BUTTON, legacy.view());
        assertEquals(Optional.of("ticket"), legacy.ticket());
        assertEquals(Map.of(ColourRole.HEADER_BACK, "abc", ColourRole.CHAT_BACK, "00ff00"), legacy.colours());
    }

    @Test
    void aMissingOrMalformedInviteeIsNobody() {
        assertEquals(Optional.empty(), parse().invitee());
        assertEquals(Optional.empty(), parse("invitee", "").invitee());
        assertEquals(Optional.empty(), parse("invitee", CID + "\"><script>").invitee());
        assertEquals(Optional.of(CID), parse("invitee", "  " + CID + " ").invitee(), "spaces of a pasted embed code");
        for (String control : new String[] {"\u0000", "\u0001", "\t", "\n", "\r", "\u007f"}) {
            assertEquals(Optional.empty(), parse("invitee", CID + control).invitee(), "a control character at its end");
            assertEquals(Optional.empty(), parse("invitee", control + CID).invitee(), "a control character at its start");
        }
    }

    @Test
    void aContactPointNameReachesSomeoneAndGoesToTheSocketOnlyWhenItIsOne() {
        ControlParameters help = parse("Contact", "it-help", "mkt", "de-DE");
        assertEquals(Optional.of("it-help"), help.contact());
        assertTrue(help.reachesSomeone());
        assertEquals("contact=it-help&mkt=de-DE", help.socketQuery(true));
        assertEquals("contact=it-help&mkt=de-DE&view=icon", help.query(ControlView.ICON, true));
        for (String hostile : new String[] {"", "IT-HELP", "it help", "-it", "it/../x", "%", "a".repeat(41), "\u202Eit"}) {
            assertEquals(Optional.empty(), parse("contact", hostile).contact(), hostile);
            assertFalse(parse("contact", hostile).reachesSomeone(), hostile);
        }
        assertEquals(Optional.empty(), parse("invitee", CID, "contact", "it-help").contact(), "an invitee wins");
        assertEquals("invitee=" + CID + "&mkt=en-US", parse("invitee", CID, "contact", "it-help").socketQuery(true));
    }

    @Test
    void coloursOfThreeOrSixHexDigitsOverrideTheTheme() {
        ControlParameters parameters = parse("invitee", CID, "foreColor", "000", "backColor", "FFFFFF",
                "linkColor", "1a2B3c");
        Palette palette = parameters.palette();
        assertEquals("000", palette.colour(ColourRole.FORE));
        assertEquals("ffffff", palette.colour(ColourRole.BACK));
        assertEquals("1a2b3c", palette.colour(ColourRole.LINK));
        assertEquals(Theme.BLUE.palette().colour(ColourRole.HEADER_BACK), palette.colour(ColourRole.HEADER_BACK));
    }

    @Test
    void everyColourParameterIsRead() {
        String[] all = new String[ColourRole.values().length * 2];
        for (ColourRole role : ColourRole.values()) {
            all[role.ordinal() * 2] = role.parameter();
            all[role.ordinal() * 2 + 1] = "123";
        }
        assertEquals(17, ColourRole.values().length);
        assertTrue(parse(all).palette().colours().values().stream().allMatch("123"::equals));
    }

    @Test
    void anInvalidColourIsIgnoredAndNeverReachesThePage() {
        for (String invalid : new String[] {"red;}</style><script>x</script>", "12345", "#fff", "url(x)", "red",
                "1234567", "ggg", "fff;", " fff", "fff ", "", "0x123", "#123456", "expression(alert(1))"}) {
            ControlParameters parameters = parse("invitee", CID, "headerBackColor", invalid, "backColor", invalid);
            assertTrue(parameters.colours().isEmpty(), invalid);
            assertEquals(Theme.BLUE.palette(), parameters.palette(), invalid);
            String css = parameters.palette().css();
            assertFalse(css.contains("<") || css.contains("url") || css.contains("script"), css);
            assertFalse(parameters.query(ControlView.WINDOW, true).contains("Color"), invalid);
        }
    }

    @Test
    void thePalettesCssIsMadeOfCustomPropertiesAndHexDigitsOnly() {
        String css = parse("invitee", CID, "chatErrorColor", "c00").palette().css();
        assertTrue(css.matches(":root\\{(--[a-z-]+:#[0-9a-f]{3,6};){17}}"), css);
        assertTrue(css.contains("--chat-error-color:#c00;"), css);
        assertTrue(css.contains("--header-back-color:#0a4a8f;"), css);
    }

    @Test
    void themesAreNamedInAnyCaseAndAnUnknownNameIsBlue() {
        assertEquals(Theme.BLUE, parse().theme());
        assertEquals(Theme.GREEN, parse("themeName", "green").theme());
        assertEquals(Theme.ORANGE, parse("themeName", "ORANGE").theme());
        assertEquals(Theme.PINK, parse("themename", "Pink").theme());
        assertEquals(Theme.PURPLE, parse("themeName", "purple").theme());
        assertEquals(Theme.GRAY, parse("themeName", "gray").theme());
        assertEquals(Theme.BLUE, parse("themeName", "grey").theme());
        assertEquals(Theme.BLUE, parse("themeName", "<b>").theme());
        assertEquals(Theme.GREEN.palette(), parse("themeName", "green").palette());
    }

    @Test
    void useThemeFalseLeavesOnlyTheColourParametersOnANeutralDefault() {
        assertTrue(parse().useTheme());
        assertTrue(parse("useTheme", "true").useTheme());
        assertTrue(parse("useTheme", "maybe").useTheme());
        ControlParameters unthemed = parse("useTheme", "false", "themeName", "pink", "headerBackColor", "333");
        assertFalse(unthemed.useTheme());
        assertEquals(Palette.UNTHEMED.with(Map.of(ColourRole.HEADER_BACK, "333")), unthemed.palette());
        assertTrue(unthemed.palette().colours().values().stream()
                .noneMatch(c -> Theme.PINK.palette().colour(ColourRole.HEADER_BACK).equals(c)));
    }

    @Test
    void theViewIsTheWindowUnlessAButtonOrAnIconIsAskedFor() {
        assertEquals(ControlView.WINDOW, parse().view());
        assertEquals(ControlView.WINDOW, parse("view", "window").view());
        assertEquals(ControlView.BUTTON, parse("view", "button").view());
        assertEquals(ControlView.ICON, parse("VIEW", "Icon").view());
        assertEquals(ControlView.WINDOW, parse("view", "popup").view());
    }

    @Test
    void theCultureFallsBackToItsLanguageThenToEnglish() {
        assertEquals(Locale.forLanguageTag("en-US"), parse().culture());
        assertEquals(Locale.forLanguageTag("fr-FR"), parse("mkt", "fr-CA").culture());
        assertEquals(Locale.forLanguageTag("ja-JP"), parse("mkt", "ja").culture());
        assertEquals(Locale.forLanguageTag("en-US"), parse("mkt", "pt-BR").culture());
        assertEquals(Locale.forLanguageTag("en-US"), parse("mkt", "</style>").culture());
        assertTrue(parse("mkt", "ar-SA").rightToLeft());
        assertTrue(parse("mkt", "he-IL").rightToLeft());
        assertFalse(parse("mkt", "de-DE").rightToLeft());
    }

    @Test
    void aTicketGoesToTheSocketOnlyUpTo512CharactersAndEncoded() {
        String longest = "a".repeat(ControlParameters.TICKET_MAX);
        assertEquals(Optional.of(longest), parse("dt", longest).ticket());
        assertEquals(Optional.empty(), parse("dt", longest + "a").ticket());
        assertEquals(Optional.empty(), parse("dt", "").ticket());
        ControlParameters parameters = parse("invitee", CID + "@intranet", "mkt", "de", "dt", "a b&c=d/+");
        assertEquals("invitee=" + CID + "@intranet&mkt=de-DE&dt=a%20b%26c%3Dd%2F%2B", parameters.socketQuery(true));
        assertEquals("invitee=" + CID + "@intranet&mkt=de-DE", parameters.socketQuery(false));
    }

    @Test
    void aProfilePassGoesToTheSocketAndTheWindowOnlyInItsOwnShape() {
        String pass = "1798761600.Ab-_" + "x".repeat(39);
        assertEquals("invitee=" + CID + "&mkt=en-US&pt=" + pass, parse("invitee", CID, "PT", pass).socketQuery(false));
        assertEquals("invitee=" + CID + "&mkt=en-US&view=window&pt=" + pass,
                parse("invitee", CID, "pt", pass, "view", "icon").query(ControlView.WINDOW, false));
        for (String bad : new String[] {"", "1798761600", "x.abc", "1.a\"&lt;", "1.a b", "1." + "a".repeat(61)}) {
            assertEquals("invitee=" + CID + "&mkt=en-US", parse("invitee", CID, "pt", bad).socketQuery(false), bad);
        }
    }

    @Test
    void anotherViewsAddressKeepsOnlyTheValidatedValues() {
        ControlParameters parameters = parse("Invitee", CID, "themeName", "purple", "linkColor", "ABCDEF",
                "backColor", "red;}", "view", "icon", "dt", "t1", "other", "<script>");
        assertEquals("invitee=" + CID + "&mkt=en-US&themeName=purple&linkColor=abcdef&view=window&dt=t1",
                parameters.query(ControlView.WINDOW, true));
        assertEquals("invitee=" + CID + "&mkt=en-US&useTheme=false&view=button",
                parse("invitee", CID, "useTheme", "false").query(ControlView.BUTTON, false));
    }
}
