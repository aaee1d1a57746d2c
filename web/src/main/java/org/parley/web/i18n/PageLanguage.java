package org.parley.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/** What the pages' template needs to know about their language: {@code #{pageLanguage.dir(view.locale)}}. */
@Named
@ApplicationScoped
public class PageLanguage {

    /** {@code rtl} for the right-to-left cultures, else {@code ltr}: the {@code dir} of a page's {@code html}. */
    public String dir(Locale locale) {
        return Markets.rightToLeft(locale) ? "rtl" : "ltr";
    }

    /** The BCP 47 tag of the culture, for a page's {@code lang}. */
    public String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
