package org.parley.web.i18n;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page is shown in, chosen when the page is first built (a postback keeps it):
 * a {@code mkt} parameter (the consent, invitation and device pages are reached with one), then
 * the language the signed-in member chose in their settings (kept in their session from the
 * sign-in on), then the language the browser asks for ({@code Accept-Language}, in the order of
 * its preference), then {@code en-US}; each through {@link Markets#resolve}, and only cultures
 * the pages are translated into count (a page's {@code lang} must say what it is written in: a
 * French browser gets English pages while the IM control speaks French to it).
 */
public class PageLocales extends ViewHandlerWrapper {

    private static final String CHOSEN = PageLocales.class.getName() + ".chosen";
    /** The shipped cultures the pages are written in: those with a translation of the page bundle. */
    private static final List<Locale> TRANSLATED = Markets.SHIPPED.stream()
            .filter(l -> l.equals(Markets.DEFAULT)
                    || PageLocales.class.getResource("Pages_" + l.getLanguage() + ".properties") != null)
            .toList();

    public PageLocales(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        HttpSession session = request.getRemoteUser() == null ? null : request.getSession(false);
        String chosen = session == null ? null : (String) session.getAttribute(CHOSEN);
        return of(request.getParameter("mkt"), chosen, request.getHeader("Accept-Language"));
    }

    /**
     * A form keeps the language its page was shown in: a page taken in a {@code mkt} posts back with
     * it (a postback builds the view again, and chooses its language again).
     */
    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        String mkt = context.getExternalContext().getRequestParameterMap().get("mkt");
        if (!Markets.plainTag(mkt)) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "mkt=" + mkt;
    }

    /**
     * The member chose a language for their pages ({@code null}: the browser's); their session
     * keeps it for the pages it builds from now on.
     */
    public static void remember(HttpServletRequest request, String languageTag) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(CHOSEN, languageTag == null || languageTag.isBlank() ? null : languageTag);
        }
    }

    /** The culture for a {@code mkt} parameter, the member's choice and an {@code Accept-Language} header (each may be absent). */
    static Locale of(String mkt, String chosen, String acceptLanguage) {
        if (mkt != null && !mkt.isBlank()) {
            return translated(Markets.resolve(mkt)).orElse(Markets.DEFAULT);
        }
        if (chosen != null) {
            return translated(Markets.resolve(chosen)).orElse(Markets.DEFAULT);
        }
        return fromAcceptLanguage(acceptLanguage).orElse(Markets.DEFAULT);
    }

    /** The cultures the pages are written in, {@code en-US} first: what a member may choose. */
    public static List<Locale> translatedCultures() {
        return TRANSLATED;
    }

    private static Optional<Locale> translated(Locale culture) {
        return TRANSLATED.contains(culture) ? Optional.of(culture) : Optional.empty();
    }

    private static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (!tag.equals("*") && range.getWeight() > 0) {
                    Locale shipped = Markets.resolve(tag);
                    if (shipped.getLanguage().equals(Locale.forLanguageTag(tag).getLanguage())
                            && TRANSLATED.contains(shipped)) {
                        return Optional.of(shipped);
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

}
