package org.parley.web.view.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.parley.account.entity.AccountRefusedException;

/**
 * The admin console's words ({@code Admin} bundle, {@code #{adminText}} on the pages) for what its
 * backing beans say, in the page's language. A placeholder {@code {0}} takes the first argument,
 * and so on; quotes are plain text (no {@code MessageFormat} quoting rules).
 */
final class AdminText {

    private AdminText() {
    }

    static String get(FacesContext faces, String key, Object... arguments) {
        String text = bundle(faces).getString(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** A message at the top of the page. */
    static void info(FacesContext faces, String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, get(faces, key, arguments), null));
    }

    /** An error next to the field {@code clientId} (and in the page's list), or at the top when null. */
    static void error(FacesContext faces, String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    /** What a boundary refused, in the page's language when its reason has words in the bundle. */
    static String refusal(FacesContext faces, AccountRefusedException refused) {
        String reason = refused.getReason();
        if (reason != null) {
            try {
                List<String> arguments = refused.getArguments();
                return get(faces, "refused." + reason, arguments.toArray());
            } catch (MissingResourceException untranslated) {
                return refused.getMessage();
            }
        }
        return refused.getMessage();
    }

    private static ResourceBundle bundle(FacesContext faces) {
        return faces.getApplication().getResourceBundle(faces, "adminText");
    }
}
