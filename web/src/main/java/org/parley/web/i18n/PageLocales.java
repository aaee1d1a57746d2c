package org.parley.web.i18n;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page is shown in, chosen when the page is first built (a postback keeps it):
 * a {@code mkt} parameter (the consent, invitation and device pages are reached with one), then
 * the language the signed-in member chose in their settings (kept in their session from the
 * sign-in on), then the language the browser asks for ({@code Accept-Language}, in the order of
 * its preference), then {@code en-US}; each through {@link Markets#resolve}, so only shipped
 * cultures are used.
 */
public class PageLocales extends ViewHandlerWrapper {

    private static final String CHOSEN = PageLocales.class.getName() + ".chosen";

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
            return Markets.resolve(mkt);
        }
        if (chosen != null) {
            return Markets.resolve(chosen);
        }
        return fromAcceptLanguage(acceptLanguage).orElse(Markets.DEFAULT);
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
                    if (shipped.getLanguage().equals(Locale.forLanguageTag(tag).getLanguage())) {
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
