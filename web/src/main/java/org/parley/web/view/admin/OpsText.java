package org.parley.web.view.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.parley.web.i18n.Texts;

/** The words of the operations pages ({@code opsText}, the Operations bundle) in the view's language, for their messages. */
final class OpsText {

    private OpsText() {
    }

    static String of(FacesContext faces, String key, Object... arguments) {
        return Texts.from(faces, "opsText", key, arguments);
    }

    static void info(FacesContext faces, String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, of(faces, key, arguments), null));
    }

    /** An error next to the field {@code clientId}, or for the whole page when it is null. */
    static void error(FacesContext faces, String clientId, String key, Object... arguments) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, of(faces, key, arguments), null));
    }
}
