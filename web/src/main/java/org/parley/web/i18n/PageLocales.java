package org.parley.web.i18n;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page is shown in, chosen when the page is first built (a postback keeps it):
 * a {@code mkt} parameter (the consent, invitation and device pages are reached with one), then
 * the language the browser asks for ({@code Accept-Language}, in the order of its preference),
 * then {@code en-US}; each through {@link Markets#resolve}, so only shipped cultures are used.
 */
public class PageLocales extends ViewHandlerWrapper {

    public PageLocales(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        return of(request.getParameter("mkt"), request.getHeader("Accept-Language"));
    }

    /** The culture for a {@code mkt} parameter (may be absent) and an {@code Accept-Language} header (may be absent). */
    static Locale of(String mkt, String acceptLanguage) {
        if (mkt != null && !mkt.isBlank()) {
            return Markets.resolve(mkt);
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
