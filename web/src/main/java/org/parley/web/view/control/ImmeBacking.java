package org.parley.web.view.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.parley.presence.entity.PresenceStatus;
import org.parley.web.i18n.Markets;
import org.parley.web.rest.PresenceAnswers;
import org.parley.web.view.Http;
import org.parley.web.json.JsonBuilders;

/**
 * Backs the IM control, {@code /conversation/imme} (also reached as {@code /Conversation/IMMe.aspx}):
 * the culture and its direction, the palette as CSS custom properties, the view, and what the
 * script needs (its strings, the socket's query) as a JSON island. Everything it writes comes
 * from {@link ControlParameters}' validated values, the bundles and fixed text.
 */
@Named
@RequestScoped
public class ImmeBacking {

    @Inject
    FacesContext faces;

    private ControlParameters parameters;
    private String contextPath;
    private Map<String, String> text;
    private String nonce;

    @PostConstruct
    void read() {
        HttpServletRequest request = Http.request(faces);
        parameters = ControlParameters.parse(request.getParameterMap());
        contextPath = request.getContextPath();
        Object fromFilter = request.getAttribute(ControlPageFilter.NONCE);
        nonce = fromFilter instanceof String n ? n : ControlPageFilter.newNonce();
        text = strings(Markets.bundle("Control", parameters.culture()));
        if (!parameters.reachesSomeone()) {
            Http.status(faces, 400); // the page still says, in the visitor's language, that nobody can be reached
        }
    }

    private static Map<String, String> strings(ResourceBundle bundle) {
        Map<String, String> strings = new TreeMap<>();
        bundle.keySet().forEach(key -> strings.put(key, bundle.getString(key)));
        return Collections.unmodifiableMap(strings);
    }

    /** The culture as the {@code lang} attribute writes it ({@code ar-SA}). */
    public String getLang() {
        return parameters.culture().toLanguageTag();
    }

    public String getDir() {
        return parameters.rightToLeft() ? "rtl" : "ltr";
    }

    public String getNonce() {
        return nonce;
    }

    /** The palette as {@code :root} custom properties: fixed names and validated hex digits only. */
    public String getCss() {
        return parameters.palette().css();
    }

    public String getView() {
        return parameters.view().parameter();
    }

    public boolean isWindow() {
        return parameters.view() == ControlView.WINDOW;
    }

    public boolean isButton() {
        return parameters.view() == ControlView.BUTTON;
    }

    public boolean isIcon() {
        return parameters.view() == ControlView.ICON;
    }

    /** This culture's strings of the control ({@code #{immeBacking.text['send']}}). */
    public Map<String, String> getText() {
        return text;
    }

    /** The offline icon, shown until the socket's hello tells the status. */
    public String getIconSrc() {
        return contextPath + "/" + PresenceAnswers.iconPath(PresenceStatus.OFFLINE);
    }

    /**
     * The window view of this control, which the icon opens. It takes the visitor ticket along:
     * a ticket is good once, so the icon's own socket leaves it for the window.
     */
    public String getWindowUrl() {
        return contextPath + "/conversation/imme?" + parameters.query(ControlView.WINDOW, true);
    }

    /** What the script needs, as JSON that is safe inside a {@code <script type="application/json">}. */
    public String getConfig() {
        JsonObjectBuilder statuses = JsonBuilders.object();
        ResourceBundle presence = Markets.bundle("Presence", parameters.culture());
        for (PresenceStatus status : PresenceStatus.values()) {
            statuses.add(status.wireName(), presence.getString("status." + status.wireName()));
        }
        JsonObjectBuilder strings = JsonBuilders.object();
        text.forEach(strings::add);
        JsonObjectBuilder config = JsonBuilders.object()
                // a contact point's control keeps its resumable conversation apart from any member's
                .add("invitee", parameters.invitee().or(() -> parameters.contact().map(c -> "contact:" + c)).orElse(""))
                .add("view", parameters.view().parameter())
                .add("lang", getLang())
                .add("contextPath", contextPath)
                .add("socket", parameters.reachesSomeone()
                        ? parameters.socketQuery(parameters.view() != ControlView.ICON) : "")
                .add("window", getWindowUrl())
                .add("statuses", statuses)
                .add("strings", strings);
        return scriptSafe(config.build().toString());
    }

    /**
     * JSON that cannot end the script element it sits in nor start markup: {@code <}, {@code >}
     * and {@code &} (and the two line separators old parsers choke on) become {@code \\u} escapes,
     * which mean the same inside JSON strings and cannot occur outside them.
     */
    static String scriptSafe(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
