package org.parley.web.view.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.parley.account.entity.AccountRefusedException;
import org.parley.web.i18n.Texts;

/**
 * The admin console's words ({@code Admin} bundle, {@code #{adminText}} on the pages) for what its
 * backing beans say, in the page's language (see {@link Texts}), and its boundaries' refusals in them.
 */
final class AdminText {

    private static final String BUNDLE = "adminText";

    private AdminText() {
    }

    static String get(FacesContext faces, String key, Object... arguments) {
        return Texts.from(faces, BUNDLE, key, arguments);
    }

    /** The same for {@code count} of something, in the singular when it is one ({@link Texts#counted}). */
    static String counted(FacesContext faces, String key, long count, Object... arguments) {
        return Texts.counted(faces, BUNDLE, key, count, arguments);
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

    /** What a boundary refused, in the page's language when its reason has words in the bundle (else in English). */
    static String refusal(FacesContext faces, AccountRefusedException refused) {
        String key = "refused." + refused.getReason();
        if (refused.getReason() != null && faces.getApplication().getResourceBundle(faces, BUNDLE).containsKey(key)) {
            return get(faces, key, refused.getArguments().toArray());
        }
        return refused.getMessage();
    }
}
