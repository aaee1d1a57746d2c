package org.parley.web.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words a backing bean says on a page, from the page bundle ({@code Pages}, var {@code text})
 * or another area's, in the language of the view: {@code Texts.of(faces, "settings.saved")}. A
 * placeholder {@code {0}} takes the first argument, and so on; quotes are plain text (no
 * {@code MessageFormat} quoting rules for translators to trip over).
 */
public final class Texts {

    private Texts() {
    }

    /** The text of {@code key} in the view's language, its placeholders filled with {@code arguments}. */
    public static String of(FacesContext faces, String key, Object... arguments) {
        return from(faces, "text", key, arguments);
    }

    /**
     * The same from another area's bundle, named by its variable ({@code adminText}, {@code opsText}, …).
     * (Named apart from {@link #of}: with a text argument, {@code of(faces, key, text)} would otherwise
     * read as a bundle and a key.)
     */
    public static String from(FacesContext faces, String bundleVariable, String key, Object... arguments) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, bundleVariable);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The bundle '" + bundleVariable + "' has no text '" + key + "'", e);
        }
        String text = pattern;
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /**
     * The text of {@code key} for {@code count} of something: its singular form, {@code key + "One"}, when the count is
     * one and the bundle has it ("1 row", not "1 rows"), else {@code key} itself.
     */
    public static String counted(FacesContext faces, String bundleVariable, String key, long count, Object... arguments) {
        String one = key + "One";
        boolean singular = count == 1 && faces.getApplication().getResourceBundle(faces, bundleVariable).containsKey(one);
        return from(faces, bundleVariable, singular ? one : key, arguments);
    }

    /** An information for the page's messages. */
    public static FacesMessage info(FacesContext faces, String key, Object... arguments) {
        return new FacesMessage(FacesMessage.SEVERITY_INFO, of(faces, key, arguments), null);
    }

    /** An error for the page's messages (or next to a field). */
    public static FacesMessage error(FacesContext faces, String key, Object... arguments) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, of(faces, key, arguments), null);
    }
}
