package org.parley.web.view.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The words of the operations pages ({@code opsText}, the Operations bundle) in the view's language, for messages. */
final class OpsText {

    private OpsText() {
    }

    static String of(FacesContext faces, String key, Object... arguments) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "opsText");
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, faces.getViewRoot().getLocale()).format(arguments);
    }

    static void info(FacesContext faces, String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, of(faces, key, arguments), null));
    }

    static void error(FacesContext faces, String clientId, String key, Object... arguments) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, of(faces, key, arguments), null));
    }
}
