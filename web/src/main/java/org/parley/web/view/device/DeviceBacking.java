package org.parley.web.view.device;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.DeviceAuthorizations;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.DeviceAuthorization;
import org.parley.consent.entity.Scope;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;
import org.parley.web.view.Wording;

/**
 * Backs {@code /device}: the member confirms the code the desktop client shows (RFC 8628).
 * {@code ?user_code=} (the client's verification_uri_complete) fills the code in, but the member
 * still compares it and approves.
 */
@Named
@ViewScoped
public class DeviceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DeviceAuthorizations deviceAuthorizations;

    @EJB
    Applications applications;

    @Inject
    Wording wording;

    @Inject
    FacesContext faces;

    @NotBlank(message = "{parley.device.codeRequired}")
    @Size(max = 32, message = "{parley.device.unknown}")
    private String userCode;

    /** The code being confirmed, as Parley wrote it; null until one was found. */
    private String pending;
    private String site;
    private List<String> scopes;

    public void load() {
        Http.noFraming(faces);
        String given = faces.getExternalContext().getRequestParameterMap().get("user_code");
        if (given != null && !given.isBlank() && given.length() <= 32) {
            userCode = given;
            lookUp();
        }
    }

    public void lookUp() {
        pending = null;
        try {
            deviceAuthorizations.lookUp(userCode).ifPresentOrElse(this::show, () -> error("device.unknown"));
        } catch (AccountRefusedException e) {
            refused(e);
        }
    }

    public void approve() {
        try {
            deviceAuthorizations.approve(pending, Http.address(faces));
            faces.addMessage(null, Texts.info(faces, "device.approved"));
        } catch (AccountRefusedException e) {
            refused(e);
        }
        forget();
    }

    public void deny() {
        try {
            deviceAuthorizations.deny(pending);
            faces.addMessage(null, Texts.info(faces, "device.denied"));
        } catch (AccountRefusedException e) {
            refused(e);
        }
        forget();
    }

    private void show(DeviceAuthorization device) {
        pending = device.getUserCode();
        site = applications.find(device.getApplication()).map(Application::getName).orElse(device.getApplication());
        scopes = wording.scopes(Scope.parse(device.getScopes()).orElse(Set.of()));
    }

    private void forget() {
        pending = site = userCode = null;
        scopes = null;
    }

    private void error(String key) {
        faces.addMessage(null, Texts.error(faces, key));
    }

    /** Says why the code was refused, in the page's language. */
    private void refused(AccountRefusedException e) {
        if (DeviceAuthorizations.TOO_MANY_GUESSES.equals(e.getReason())) {
            String minutes = e.getArguments().get(0);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Texts.counted(faces, "text", "device.guesses", Long.parseLong(minutes), minutes), null));
        } else {
            error(DeviceAuthorizations.DECIDED.equals(e.getReason()) ? "device.decided" : "device.unknown");
        }
    }

    public String getUserCode() {
        return userCode;
    }

    public void setUserCode(String userCode) {
        this.userCode = userCode;
    }

    public String getPending() {
        return pending;
    }

    public String getSite() {
        return site;
    }

    public List<String> getScopes() {
        return scopes;
    }
}
