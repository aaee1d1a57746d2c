package org.parley.companydirectory.control;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How Parley reaches the company directory, read from the {@code parley.ldap.*} keys. Without
 * {@code parley.ldap.url} there is no directory. A value that cannot work is refused with a sentence
 * naming the key ({@link IllegalArgumentException}); the attributes default by the directory's kind
 * ({@code parley.ldap.kind}: {@code ad} for Active Directory, {@code openldap} for {@code inetOrgPerson}
 * entries), each overridable, each a comma-separated list where the first attribute an entry has wins.
 */
public record LdapSettings(String host, int port, Security security, Optional<Path> caFile, Duration connectTimeout,
                           Duration responseTimeout, Kind kind, DN baseDn, Optional<String> bindDn,
                           Optional<String> bindPassword, Optional<String> userDnPattern, Filter userFilter,
                           Attributes attributes, Optional<DN> adminGroup, GroupMembership groupMembership,
                           Duration syncInterval, int pageSize, int poolSize) {

    public static final String PREFIX = "parley.ldap.";
    public static final String URL_KEY = PREFIX + "url";

    /** How the connection is protected: TLS from the start, TLS after StartTLS, or not at all (only when allowed). */
    public enum Security { LDAPS, STARTTLS, PLAIN }

    /** How a member's groups are found: the entry's own {@code memberOf}, or the admin group entry's member list. */
    public enum GroupMembership { MEMBER_OF, GROUP_ENTRY }

    /** The directory's kind, which sets the defaults. */
    public enum Kind {
        AD("(&(objectCategory=person)(objectClass=user))", "sAMAccountName", "displayName,cn", "title", "department",
                "mail", "objectGUID", "userAccountControl", GroupMembership.MEMBER_OF),
        OPENLDAP("(objectClass=inetOrgPerson)", "uid", "displayName,cn", "title", "departmentNumber,ou", "mail",
                "entryUUID", "pwdAccountLockedTime", GroupMembership.GROUP_ENTRY);

        final String userFilter;
        final Attributes attributes;
        final GroupMembership groupMembership;

        Kind(String userFilter, String username, String displayName, String title, String department, String email,
             String id, String disabled, GroupMembership groupMembership) {
            this.userFilter = userFilter;
            this.attributes = new Attributes(List.of(username), names(displayName), names(title), names(department),
                    names(email), id, "memberOf", "member", disabled);
            this.groupMembership = groupMembership;
        }
    }

    /**
     * The attributes a person is read from. {@code disabled}: for Active Directory the
     * {@code userAccountControl} flags (bit 2, ACCOUNTDISABLE); otherwise an attribute whose presence
     * means the account is locked (OpenLDAP's password policy {@code pwdAccountLockedTime}).
     */
    public record Attributes(List<String> username, List<String> displayName, List<String> title,
                             List<String> department, List<String> email, String id, String memberOf,
                             String groupMember, String disabled) {

        /** Every attribute a person's entry is asked for (operational ones such as entryUUID must be named). */
        public String[] requested() {
            return java.util.stream.Stream.of(username, displayName, title, department, email,
                            List.of(id, memberOf, disabled)).flatMap(List::stream).distinct().toArray(String[]::new);
        }
    }

    /**
     * The settings {@code config} holds; empty when {@code parley.ldap.url} is not set (no directory).
     *
     * @throws IllegalArgumentException naming the key whose value cannot work
     */
    public static Optional<LdapSettings> from(Function<String, Optional<String>> config) {
        Optional<String> url = value(config, "url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.get());
        } catch (java.net.URISyntaxException e) {
            throw refused("url", url.get(), "write it as ldaps://host:636 or ldap://host:389");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldaps") && !scheme.equals("ldap") || uri.getHost() == null) {
            throw refused("url", url.get(), "write it as ldaps://host:636 or ldap://host:389");
        }
        boolean allowPlain = Boolean.parseBoolean(value(config, "allow-plain").orElse("false"));
        Security security = scheme.equals("ldaps") ? Security.LDAPS
                : Boolean.parseBoolean(value(config, "starttls").orElse("true")) ? Security.STARTTLS : Security.PLAIN;
        if (security == Security.PLAIN && !allowPlain) {
            throw refused("starttls", "false", "passwords would cross the network unencrypted; use ldaps:// or StartTLS, "
                    + "or set " + PREFIX + "allow-plain=true if you really mean it");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : security == Security.LDAPS ? 636 : 389;
        Optional<Path> caFile = value(config, "ca-file").map(Path::of);
        if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
            throw refused("ca-file", caFile.get().toString(), "no readable PEM file there");
        }
        Kind kind = enumValue(config, "kind", Kind.class, Kind.AD);
        Attributes defaults = kind.attributes;
        Attributes attributes = new Attributes(names(config, "attribute.username", defaults.username()),
                names(config, "attribute.display-name", defaults.displayName()),
                names(config, "attribute.title", defaults.title()),
                names(config, "attribute.department", defaults.department()),
                names(config, "attribute.email", defaults.email()),
                value(config, "attribute.id").orElse(defaults.id()),
                value(config, "attribute.member-of").orElse(defaults.memberOf()),
                value(config, "attribute.group-member").orElse(defaults.groupMember()),
                value(config, "attribute.disabled").orElse(defaults.disabled()));
        Optional<String> bindDn = value(config, "bind-dn");
        Optional<String> bindPassword = value(config, "bind-password");
        Optional<String> pattern = value(config, "user-dn-pattern");
        if (bindDn.isEmpty() && pattern.isEmpty()) {
            throw new IllegalArgumentException("Set " + PREFIX + "bind-dn and " + PREFIX + "bind-password (a service account "
                    + "that may search the directory), or " + PREFIX + "user-dn-pattern (e.g. uid={0},ou=people,dc=example,dc=org)");
        }
        if (bindDn.isPresent() && bindPassword.isEmpty()) {
            throw new IllegalArgumentException("Set " + PREFIX + "bind-password for the service account " + bindDn.get());
        }
        if (pattern.isPresent() && !pattern.get().contains("{0}")) {
            throw refused("user-dn-pattern", pattern.get(), "it needs {0} where the username goes");
        }
        return Optional.of(new LdapSettings(uri.getHost(), port, security, caFile,
                duration(config, "connect-timeout", "PT5S"), duration(config, "response-timeout", "PT10S"), kind,
                dn(config, "base-dn").orElseThrow(() -> new IllegalArgumentException("Set " + PREFIX
                        + "base-dn: where the people are, e.g. ou=people,dc=example,dc=org")),
                bindDn, bindPassword, pattern, filter(config, "user-filter", kind.userFilter), attributes,
                dn(config, "admin-group"), enumValue(config, "group-membership", GroupMembership.class, kind.groupMembership),
                duration(config, "sync-interval", "PT1H"), number(config, "page-size", 500, 1, 10_000),
                number(config, "pool-size", 4, 1, 64)));
    }

    /** Whether a service account is configured: it searches for people, and only with it can Parley sync. */
    public boolean hasServiceAccount() {
        return bindDn.isPresent();
    }

    /** The directory in words for the log and the admin console, never with a password. */
    public String describe() {
        return (security == Security.LDAPS ? "ldaps://" : "ldap://") + host + ":" + port
                + (security == Security.STARTTLS ? " (StartTLS)" : security == Security.PLAIN ? " (unencrypted)" : "")
                + ", " + (kind == Kind.AD ? "Active Directory" : "OpenLDAP") + ", people under " + baseDn;
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String key) {
        return config.apply(PREFIX + key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static List<String> names(Function<String, Optional<String>> config, String key, List<String> fallback) {
        return value(config, key).map(LdapSettings::names).orElse(fallback);
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E enumValue(Function<String, Optional<String>> config, String key, Class<E> type,
                                                   E fallback) {
        Optional<String> given = value(config, key);
        if (given.isEmpty()) {
            return fallback;
        }
        String wanted = given.get().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> refused(key, given.get(), "choose one of " + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
    }

    private static Duration duration(Function<String, Optional<String>> config, String key, String fallback) {
        String given = value(config, key).orElse(fallback);
        try {
            Duration duration = Duration.parse(given);
            if (duration.isNegative() || duration.isZero()) {
                throw refused(key, given, "it must be longer than nothing");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw refused(key, given, "write a duration such as PT10S or PT1H");
        }
    }

    private static int number(Function<String, Optional<String>> config, String key, int fallback, int min, int max) {
        String given = value(config, key).orElse(String.valueOf(fallback));
        try {
            int number = Integer.parseInt(given);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw refused(key, given, "a whole number from " + min + " to " + max);
    }

    private static Optional<DN> dn(Function<String, Optional<String>> config, String key) {
        Optional<String> given = value(config, key);
        try {
            return given.isEmpty() ? Optional.empty() : Optional.of(new DN(given.get()));
        } catch (LDAPException e) {
            throw refused(key, given.get(), "not a distinguished name");
        }
    }

    private static Filter filter(Function<String, Optional<String>> config, String key, String fallback) {
        String given = value(config, key).orElse(fallback);
        try {
            return Filter.create(given);
        } catch (LDAPException e) {
            throw refused(key, given, "not an LDAP filter");
        }
    }

    private static IllegalArgumentException refused(String key, String value, String why) {
        return new IllegalArgumentException(PREFIX + key + "=" + value + " cannot work: " + why);
    }

    @Override
    public String toString() {
        return "LdapSettings[" + describe() + "]";
    }
}
