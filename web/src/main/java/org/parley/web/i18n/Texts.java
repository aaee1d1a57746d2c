package org.parley.web.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words a backing bean says on a page, from the page bundle ({@code Pages}, var {@code text})
 * in the language of the view: {@code Texts.of(faces, "settings.saved")}, with
 * {@link MessageFormat} placeholders ({@code {0}}) filled in that language.
 */
public final class Texts {

    private Texts() {
    }

    /** The text of {@code key} in the view's language, its placeholders filled with {@code arguments}. */
    public static String of(FacesContext faces, String key, Object... arguments) {
        return of(faces, "text", key, arguments);
    }

    /** The same from another area's bundle, named by its variable ({@code adminText}, {@code opsText}, …). */
    public static String of(FacesContext faces, String bundleVariable, String key, Object... arguments) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, bundleVariable);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The bundle '" + bundleVariable + "' has no text '" + key + "'", e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale(faces)).format(arguments);
    }

    /** An information for the page's messages. */
    public static FacesMessage info(FacesContext faces, String key, Object... arguments) {
        return new FacesMessage(FacesMessage.SEVERITY_INFO, of(faces, key, arguments), null);
    }

    /** An error for the page's messages (or next to a field). */
    public static FacesMessage error(FacesContext faces, String key, Object... arguments) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, of(faces, key, arguments), null);
    }

    /** The language of the view being shown, {@code en-US} when there is none yet. */
    public static Locale locale(FacesContext faces) {
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Markets.DEFAULT;
    }
}
