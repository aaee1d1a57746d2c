package org.parley.settings.entity;

/**
 * A value a setting does not take, with the rule it breaks and what the message names (the
 * bound, or the entry that is wrong), so a page can say it in its own language next to the field.
 */
public class InvalidSettingException extends Exception {

    /** The rule a value breaks; {@link #detail()} is what the message names. */
    public enum Problem {
        NOT_A_DURATION("is not a duration; write one such as PT30S, PT10M, PT1H or P30D (got %s)."),
        NOT_ABOVE_ZERO("must be above zero (got %s)."),
        TOO_SHORT("must be at least %s."),
        TOO_LONG_A_TIME("must be at most %s."),
        NOT_A_WHOLE_NUMBER("is not a whole number (got %s)."),
        NOT_A_NUMBER("is not a number; write one such as 5 or 0.5 (got %s)."),
        TOO_SMALL("must be at least %s."),
        TOO_LARGE("must be at most %s."),
        NOT_TRUE_OR_FALSE("must be true or false (got %s)."),
        NOT_AN_ORIGIN("lists %s, which is not an http(s) origin such as https://intranet.example or http://host:8080 (a port of 1 to 65535)."),
        TOO_LONG("may have at most %s characters.");

        private final String english;

        Problem(String english) {
            this.english = english;
        }
    }

    private final transient Setting setting;
    private final Problem problem;
    private final String detail;

    public InvalidSettingException(Setting setting, Problem problem, String detail) {
        super(setting.key() + " " + String.format(problem.english, shown(detail)), null, false, false);
        this.setting = setting;
        this.problem = problem;
        this.detail = shown(detail);
    }

    /** At most 100 characters of what was typed, control characters replaced, for a message. */
    private static String shown(String detail) {
        String safe = detail == null ? "" : detail.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Cs}]", "?");
        return safe.length() > 100 ? safe.substring(0, 100) + "…" : safe;
    }

    public Setting setting() {
        return setting;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
