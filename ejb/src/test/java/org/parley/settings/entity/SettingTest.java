package org.parley.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void aLifetimeIsAPositiveIsoDurationKeptAsTyped() throws InvalidSettingException {
        assertEquals(Duration.ofMinutes(30), Setting.ACCESS_TTL.parse(" pt30m "));
        assertEquals("PT30M", Setting.ACCESS_TTL.canonical(" pt30m "));
        assertEquals("P30D", Setting.CONSENT_TTL.canonical("P30D"));
        assertProblem(Setting.ACCESS_TTL, "PT-5M", InvalidSettingException.Problem.NOT_ABOVE_ZERO);
        assertProblem(Setting.ACCESS_TTL, "PT0S", InvalidSettingException.Problem.NOT_ABOVE_ZERO);
        assertProblem(Setting.ACCESS_TTL, "an hour", InvalidSettingException.Problem.NOT_A_DURATION);
        assertProblem(Setting.ACCESS_TTL, "", InvalidSettingException.Problem.NOT_A_DURATION);
        assertProblem(Setting.CODE_TTL, "PT2H", InvalidSettingException.Problem.TOO_LONG_A_TIME);
    }

    @Test
    void limitsArePlainNumbersWithinTheirBounds() throws InvalidSettingException {
        assertEquals(0.5, Setting.VISITOR_MESSAGES_PER_SECOND.parse("0.5"));
        assertEquals("0.5", Setting.VISITOR_MESSAGES_PER_SECOND.canonical("0.50"));
        assertEquals(20, Setting.VISITOR_MESSAGE_BURST.parse("20"));
        assertProblem(Setting.VISITOR_MESSAGE_BURST, "0", InvalidSettingException.Problem.NOT_ABOVE_ZERO);
        assertProblem(Setting.VISITOR_MESSAGE_BURST, "-3", InvalidSettingException.Problem.NOT_ABOVE_ZERO);
        assertProblem(Setting.VISITOR_MESSAGES_PER_SECOND, "0.0001", InvalidSettingException.Problem.TOO_SMALL);
        assertProblem(Setting.VISITOR_MESSAGE_BURST, "2.5", InvalidSettingException.Problem.NOT_A_WHOLE_NUMBER);
        assertProblem(Setting.VISITOR_MESSAGE_BURST, "1e3", InvalidSettingException.Problem.NOT_A_WHOLE_NUMBER);
        assertProblem(Setting.VISITOR_MESSAGE_BURST, "99999999999", InvalidSettingException.Problem.TOO_LARGE);
        assertProblem(Setting.VISITOR_MESSAGES_PER_SECOND, "NaN", InvalidSettingException.Problem.NOT_A_NUMBER);
        assertProblem(Setting.VISITOR_MESSAGES_PER_SECOND, "0", InvalidSettingException.Problem.NOT_ABOVE_ZERO);
        assertProblem(Setting.VISITOR_MESSAGES_PER_SECOND, "0x10", InvalidSettingException.Problem.NOT_A_NUMBER);
    }

    @Test
    void originsMustAllBeHttpOriginsAndAreTidied() throws InvalidSettingException {
        assertEquals(Set.of("https://intranet.example", "http://10.0.0.1:8080"),
                Setting.INTRANET_ORIGINS.parse(" HTTPS://Intranet.Example/ ,\n http://10.0.0.1:8080"));
        assertEquals("https://intranet.example\nhttp://10.0.0.1:8080",
                Setting.INTRANET_ORIGINS.canonical("https://intranet.example http://10.0.0.1:8080"));
        assertEquals(Set.of(), Setting.INTRANET_ORIGINS.parse(""));
        InvalidSettingException path = assertProblem(Setting.INTRANET_ORIGINS, "https://ok.example, https://x.example/path",
                InvalidSettingException.Problem.NOT_AN_ORIGIN);
        assertEquals("https://x.example/path", path.detail());
        assertProblem(Setting.INTRANET_ORIGINS, "ftp://files.example", InvalidSettingException.Problem.NOT_AN_ORIGIN);
        assertProblem(Setting.INTRANET_ORIGINS, "*", InvalidSettingException.Problem.NOT_AN_ORIGIN);
        assertProblem(Setting.INTRANET_ORIGINS, "https://a.example;script-src", InvalidSettingException.Problem.NOT_AN_ORIGIN);
        assertProblem(Setting.INTRANET_ORIGINS, "x".repeat(10_000), InvalidSettingException.Problem.TOO_LONG);
    }

    @Test
    void whatAMessageRepeatsOfTheInputIsShortAndHasNoControlOrBidiCharacters() {
        InvalidSettingException e = assertProblem(Setting.AUDIT_RETENTION, "P\u202E1D\u0000\uD800" + "x".repeat(500),
                InvalidSettingException.Problem.NOT_A_DURATION);
        assertEquals("P?1D??", e.detail().substring(0, 6));
        assertEquals(101, e.detail().length());
    }

    @Test
    void theOfflineMessagesDefaultIsTrueOrFalse() throws InvalidSettingException {
        assertEquals(false, Setting.OFFLINE_MESSAGES_DEFAULT.parse("FALSE"));
        assertProblem(Setting.OFFLINE_MESSAGES_DEFAULT, "yes", InvalidSettingException.Problem.NOT_TRUE_OR_FALSE);
    }

    private static InvalidSettingException assertProblem(Setting setting, String text, InvalidSettingException.Problem problem) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> setting.parse(text));
        assertEquals(problem, e.problem(), e.getMessage());
        return e;
    }
}
