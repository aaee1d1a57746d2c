package org.parley.web.view.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.parley.contact.entity.ContactPointDraft;
import org.parley.web.i18n.Markets;

/**
 * The query parameters of an IM control (SPEC.md §4), read with case-insensitive names as legacy
 * embed code spells them ({@code Invitee}, {@code INVITEE}, {@code invitee}). Only what passes
 * validation is kept: a colour that is not 3 or 6 hex digits, an unknown theme or view, an
 * oversized ticket are dropped here, so they never reach the page.
 */
public final class ControlParameters {

    /** The longest visitor ticket ({@code dt}) passed on to the socket; a longer one is dropped. */
    public static final int TICKET_MAX = 512;

    /** A profile page's pass ({@code pt}): what {@code ProfilePasses} writes, digits, a dot and base64url. */
    static final Pattern PASS = Pattern.compile("[0-9]{1,19}\\.[A-Za-z0-9_-]{1,60}");

    /** {@code CID} or {@code CID@DOMAIN}: hex digits, then a host name. */
    static final Pattern INVITEE = Pattern.compile("[A-Za-z0-9._@-]{1,255}");

    private final String invitee;
    private final String contact;
    private final Locale culture;
    private final boolean useTheme;
    private final Theme theme;
    private final Map<ColourRole, String> colours;
    private final ControlView view;
    private final String ticket;
    private final String pass;

    private ControlParameters(Map<String, String[]> parameters) {
        String asked = first(parameters, "invitee");
        // spaces around it (a pasted embed code) are dropped; a control character anywhere makes it no invitee
        String spaced = asked == null ? null : asked.replaceAll("^ +| +$", "");
        invitee = spaced != null && INVITEE.matcher(spaced).matches() ? spaced : null;
        String point = first(parameters, "contact");
        contact = invitee == null && ContactPointDraft.validName(point) ? point : null;
        culture = Markets.resolve(first(parameters, "mkt"));
        useTheme = !"false".equalsIgnoreCase(trimmed(first(parameters, "useTheme")));
        theme = Theme.named(first(parameters, "themeName"));
        EnumMap<ColourRole, String> valid = new EnumMap<>(ColourRole.class);
        for (ColourRole role : ColourRole.values()) {
            String colour = first(parameters, role.parameter());
            if (colour != null && Palette.HEX.matcher(colour).matches()) {
                valid.put(role, colour.toLowerCase(Locale.ROOT));
            }
        }
        colours = Collections.unmodifiableMap(valid);
        view = ControlView.named(first(parameters, "view"));
        String dt = first(parameters, "dt");
        ticket = dt != null && !dt.isEmpty() && dt.length() <= TICKET_MAX ? dt : null;
        String pt = first(parameters, "pt");
        pass = pt != null && PASS.matcher(pt).matches() ? pt : null;
    }

    /** Reads a request's parameters ({@code ServletRequest.getParameterMap()}). */
    public static ControlParameters parse(Map<String, String[]> parameters) {
        return new ControlParameters(parameters);
    }

    /** The value of the first parameter so named in any case, or null. */
    private static String first(Map<String, String[]> parameters, String name) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(name) && parameter.getValue() != null
                    && parameter.getValue().length > 0) {
                return parameter.getValue()[0];
            }
        }
        return null;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    /** The member asked for, as given ({@code CID} or {@code CID@DOMAIN}); empty when missing or malformed. */
    public Optional<String> invitee() {
        return Optional.ofNullable(invitee);
    }

    /**
     * The contact point asked for ({@code contact=it-help}) instead of an invitee: the socket reaches
     * its first available member. Empty when an invitee is given or the name is no contact point name.
     */
    public Optional<String> contact() {
        return Optional.ofNullable(contact);
    }

    /** Whether the control has someone to reach: an invitee or a contact point. */
    public boolean reachesSomeone() {
        return invitee != null || contact != null;
    }

    /** The shipped culture for {@code mkt} (see {@link Markets#resolve}). */
    public Locale culture() {
        return culture;
    }

    public boolean rightToLeft() {
        return Markets.rightToLeft(culture);
    }

    public boolean useTheme() {
        return useTheme;
    }

    public Theme theme() {
        return theme;
    }

    /** The valid colour parameters, lower-case hex without {@code #}. */
    public Map<ColourRole, String> colours() {
        return colours;
    }

    /** The theme (or, with {@code useTheme=false}, no theme) with the colour parameters on top. */
    public Palette palette() {
        return (useTheme ? theme.palette() : Palette.UNTHEMED).with(colours);
    }

    public ControlView view() {
        return view;
    }

    /** The visitor ticket, passed to the socket as it came. */
    public Optional<String> ticket() {
        return Optional.ofNullable(ticket);
    }

    /**
     * The query of this control shown in another view, from the validated values only
     * (the icon view links to the window with it).
     */
    public String query(ControlView shown, boolean withTicket) {
        StringJoiner query = new StringJoiner("&");
        add(query, "invitee", invitee);
        add(query, "contact", contact);
        add(query, "mkt", culture.toLanguageTag());
        if (!useTheme) {
            add(query, "useTheme", "false");
        } else if (theme != Theme.DEFAULT) {
            add(query, "themeName", theme.parameter());
        }
        colours.forEach((role, colour) -> add(query, role.parameter(), colour));
        add(query, "view", shown.parameter());
        if (withTicket) {
            add(query, "dt", ticket);
        }
        add(query, "pt", pass);
        return query.toString();
    }

    /** The query of the visitor's socket, {@code /ws/control?…}: invitee or contact point, culture, ticket and the profile's pass. */
    public String socketQuery(boolean withTicket) {
        StringJoiner query = new StringJoiner("&");
        add(query, "invitee", invitee);
        add(query, "contact", contact);
        add(query, "mkt", culture.toLanguageTag());
        if (withTicket) {
            add(query, "dt", ticket);
        }
        add(query, "pt", pass);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + encode(value));
        }
    }

    /** RFC 3986 query encoding; {@code @} stays, so {@code invitee=CID@DOMAIN} reads as legacy code writes it. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
