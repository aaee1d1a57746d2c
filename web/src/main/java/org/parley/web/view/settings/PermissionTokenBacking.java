package org.parley.web.view.settings;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.OAuthException;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;

/**
 * Backs {@code /settings/permission-token}, where the consent page sends the member back. An
 * answer this session did not ask for changes nothing. The tokens that the code is exchanged for
 * are dropped: Parley's own pages need the consent, not the tokens.
 */
@Named
@RequestScoped
public class PermissionTokenBacking {

    @EJB
    Consents consents;

    @EJB
    Applications applications;

    @Inject
    FacesContext faces;

    public void load() throws IOException {
        ExternalContext external = faces.getExternalContext();
        Http.noStore(faces);
        Map<String, String> p = external.getRequestParameterMap();
        Optional<String> verifier = PermissionTokenFlow.finish(faces, p.get("state"));
        if (verifier.isEmpty()) {
            external.setResponseStatus(400);
            error("token.notOurs");
        } else if ("access_denied".equals(p.get("error"))) {
            error("token.notGranted");
        } else if (p.get("error") != null || p.get("code") == null) {
            error("token.failed");
        } else {
            try {
                consents.exchangeCode(applications.enabled(Application.DIRECTORY), p.get("code"),
                        PermissionTokenFlow.callback(faces), verifier.get(), Http.address(faces));
            } catch (OAuthException e) {
                faces.addMessage(null, Texts.error(faces, "token.failedBecause", e.description()));
                return;
            }
            external.getFlash().put(PermissionTokenFlow.ACQUIRED, Boolean.TRUE);
            external.getFlash().setRedirect(true);
            external.redirect(external.getRequestContextPath() + "/settings");
        }
    }

    private void error(String key) {
        faces.addMessage(null, Texts.error(faces, key));
    }
}
