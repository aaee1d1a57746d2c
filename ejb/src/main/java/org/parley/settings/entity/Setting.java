package org.parley.settings.entity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.parley.consent.control.IntranetOrigins;

/**
 * Every setting an administrator may change at run time, with the MicroProfile Config key that
 * gives its default (a setting never saved is the configured value, or the built-in default when
 * nothing is configured) and the rule its values keep. {@link #parse} is the only way a value
 * becomes effective, so a saved value and a configured one obey the same rule.
 */
public enum Setting {
    CODE_TTL(Group.TOKENS, "parley.token.code-ttl", Type.DURATION, "PT60S", Duration.ofSeconds(1), Duration.ofHours(1)),
    ACCESS_TTL(Group.TOKENS, "parley.token.access-ttl", Type.DURATION, "PT1H", Duration.ofSeconds(1), Duration.ofDays(3650)),
    CONSENT_TTL(Group.TOKENS, "parley.token.consent-ttl", Type.DURATION, "P365D", Duration.ofSeconds(1), Duration.ofDays(3650)),
    TICKET_TTL(Group.TOKENS, "parley.token.ticket-ttl", Type.DURATION, "PT5M", Duration.ofSeconds(1), Duration.ofDays(1)),
    DEVICE_CODE_TTL(Group.TOKENS, "parley.token.device-code-ttl", Type.DURATION, "PT10M", Duration.ofSeconds(1), Duration.ofDays(1)),
    SECRET_OVERLAP(Group.TOKENS, "parley.application.secret-overlap", Type.DURATION, "P7D", Duration.ofSeconds(1), Duration.ofDays(365)),

    VISITOR_MESSAGES_PER_SECOND(Group.LIMITS, "parley.limits.visitor-messages-per-second", Type.DECIMAL, "5", 0.001, 1_000_000_000),
    VISITOR_MESSAGE_BURST(Group.LIMITS, "parley.limits.visitor-message-burst", Type.WHOLE, "20", 1, 1_000_000_000),
    ADDRESS_MESSAGES_PER_SECOND(Group.LIMITS, "parley.limits.address-messages-per-second", Type.DECIMAL, "10", 0.001, 1_000_000_000),
    ADDRESS_MESSAGE_BURST(Group.LIMITS, "parley.limits.address-message-burst", Type.WHOLE, "40", 1, 1_000_000_000),
    CONVERSATIONS_PER_MINUTE(Group.LIMITS, "parley.limits.conversations-per-minute", Type.WHOLE, "5", 1, 1_000_000_000),
    SOCKETS_PER_ADDRESS(Group.LIMITS, "parley.limits.sockets-per-address", Type.WHOLE, "50", 1, 1_000_000_000),
    PRESENCE_SOCKETS_PER_ADDRESS(Group.LIMITS, "parley.limits.presence-sockets-per-address", Type.WHOLE, "50", 1, 1_000_000_000),
    PRESENCE_WATCHES_PER_SECOND(Group.LIMITS, "parley.limits.presence-watches-per-second", Type.DECIMAL, "2", 0.001, 1_000_000_000),
    PRESENCE_WATCH_BURST(Group.LIMITS, "parley.limits.presence-watch-burst", Type.WHOLE, "50", 1, 1_000_000_000),
    CLIENTS_PER_MEMBER(Group.LIMITS, "parley.limits.clients-per-member", Type.WHOLE, "20", 1, 1_000_000_000),
    MEMBER_REQUESTS_PER_SECOND(Group.LIMITS, "parley.limits.member-requests-per-second", Type.DECIMAL, "2", 0.001, 1_000_000_000),
    MEMBER_REQUEST_BURST(Group.LIMITS, "parley.limits.member-request-burst", Type.WHOLE, "20", 1, 1_000_000_000),
    MEMBER_MESSAGES_PER_SECOND(Group.LIMITS, "parley.limits.member-messages-per-second", Type.DECIMAL, "20", 0.001, 1_000_000_000),
    MEMBER_MESSAGE_BURST(Group.LIMITS, "parley.limits.member-message-burst", Type.WHOLE, "100", 1, 1_000_000_000),
    OFFLINE_MESSAGES_PER_MEMBER(Group.LIMITS, "parley.limits.offline-messages-per-member", Type.WHOLE, "500", 1, 1_000_000_000),

    OFFLINE_MESSAGES_DEFAULT(Group.MESSAGES, "parley.members.offline-messages-default", Type.FLAG, "true", 0, 0),
    WEB_SHARING_DEFAULT(Group.MESSAGES, "parley.members.web-sharing-default", Type.FLAG, "false", 0, 0),

    INTRANET_ORIGINS(Group.ORIGINS, IntranetOrigins.KEY, Type.ORIGINS, "", 0, 0),

    OFFLINE_MESSAGE_RETENTION(Group.RETENTION, "parley.retention.offline-messages", Type.DURATION, "P90D",
            Duration.ofMinutes(1), Duration.ofDays(36_500)),
    AUDIT_RETENTION(Group.RETENTION, "parley.retention.audit", Type.DURATION, "P365D",
            Duration.ofMinutes(1), Duration.ofDays(36_500));

    /** How the settings page groups them. */
    public enum Group { TOKENS, LIMITS, MESSAGES, ORIGINS, RETENTION }

    /** What kind of value a setting takes. */
    public enum Type { DURATION, WHOLE, DECIMAL, FLAG, ORIGINS }

    /** The longest text a setting's value may have (the column's length). */
    public static final int VALUE_MAX = 4000;

    private final Group group;
    private final String key;
    private final Type type;
    private final String builtIn;
    private final Duration shortest;
    private final Duration longest;
    private final double least;
    private final double most;

    Setting(Group group, String key, Type type, String builtIn, Duration shortest, Duration longest) {
        this(group, key, type, builtIn, shortest, longest, 0, 0);
    }

    Setting(Group group, String key, Type type, String builtIn, double least, double most) {
        this(group, key, type, builtIn, null, null, least, most);
    }

    Setting(Group group, String key, Type type, String builtIn, Duration shortest, Duration longest, double least, double most) {
        this.group = group;
        this.key = key;
        this.type = type;
        this.builtIn = builtIn;
        this.shortest = shortest;
        this.longest = longest;
        this.least = least;
        this.most = most;
    }

    public Group group() {
        return group;
    }

    /** The MicroProfile Config key whose value is this setting's default. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The default when the key is not configured either. */
    public String builtIn() {
        return builtIn;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /**
     * The value {@code text} stands for ({@link Duration}, {@link Integer}, {@link Double},
     * {@link Boolean} or a {@code Set<String>} of origins), or the rule it breaks.
     */
    public Object parse(String text) throws InvalidSettingException {
        String value = text == null ? "" : text.strip();
        if (value.length() > VALUE_MAX) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.TOO_LONG, String.valueOf(VALUE_MAX));
        }
        return switch (type) {
            case DURATION -> duration(value);
            case WHOLE -> whole(value);
            case DECIMAL -> decimal(value);
            case FLAG -> flag(value);
            case ORIGINS -> origins(value);
        };
    }

    /**
     * How a valid value is kept and shown: a duration as typed in upper case ({@code P30D} stays
     * {@code P30D}), numbers plainly, origins tidied one per line.
     */
    public String canonical(String text) throws InvalidSettingException {
        Object value = parse(text);
        return switch (type) {
            case DURATION -> text.strip().toUpperCase(Locale.ROOT);
            case WHOLE, FLAG -> value.toString();
            case DECIMAL -> BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString();
            case ORIGINS -> String.join("\n", originsOf(value));
        };
    }

    private Duration duration(String value) throws InvalidSettingException {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.NOT_A_DURATION, value);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.NOT_ABOVE_ZERO, value);
        }
        if (duration.compareTo(shortest) < 0) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.TOO_SHORT, shortest.toString());
        }
        if (duration.compareTo(longest) > 0) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.TOO_LONG_A_TIME, longest.toString());
        }
        return duration;
    }

    private Integer whole(String value) throws InvalidSettingException {
        BigDecimal number = number(value, InvalidSettingException.Problem.NOT_A_WHOLE_NUMBER);
        if (number.stripTrailingZeros().scale() > 0) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.NOT_A_WHOLE_NUMBER, value);
        }
        bounded(number);
        return number.intValueExact();
    }

    private Double decimal(String value) throws InvalidSettingException {
        BigDecimal number = number(value, InvalidSettingException.Problem.NOT_A_NUMBER);
        bounded(number);
        return number.doubleValue();
    }

    private BigDecimal number(String value, InvalidSettingException.Problem problem) throws InvalidSettingException {
        // only plain decimals: no exponent, no hexadecimal, no NaN or Infinity
        if (!value.matches("[+-]?[0-9]{1,12}(\\.[0-9]{1,6})?")) {
            throw new InvalidSettingException(this, problem, value);
        }
        return new BigDecimal(value);
    }

    private void bounded(BigDecimal number) throws InvalidSettingException {
        if (number.signum() <= 0 && least > 0) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.NOT_ABOVE_ZERO, number.toPlainString());
        }
        if (number.compareTo(BigDecimal.valueOf(least)) < 0) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.TOO_SMALL, shown(least));
        }
        if (number.compareTo(BigDecimal.valueOf(most)) > 0) {
            throw new InvalidSettingException(this, InvalidSettingException.Problem.TOO_LARGE, shown(most));
        }
    }

    private static String shown(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    private Boolean flag(String value) throws InvalidSettingException {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidSettingException(this, InvalidSettingException.Problem.NOT_TRUE_OR_FALSE, value);
    }

    /** Origins separated by commas, spaces or lines; every entry must be a plain http(s) origin. */
    private Set<String> origins(String value) throws InvalidSettingException {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : value.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            Set<String> one = IntranetOrigins.of(java.util.List.of(entry));
            if (one.isEmpty()) {
                throw new InvalidSettingException(this, InvalidSettingException.Problem.NOT_AN_ORIGIN, entry);
            }
            origins.addAll(one);
        }
        return java.util.Collections.unmodifiableSet(origins);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> originsOf(Object value) {
        return (Set<String>) value;
    }
}
