package org.parley.web.view.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Consents;
import org.parley.consent.boundary.Invitations;
import org.parley.consent.entity.Invitation;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;

/**
 * Backs the "Connected sites" part of {@code /settings}: the member's consents and accepted
 * invitations, each revoked or withdrawn with one click. After a change the whole settings page
 * is loaded again, because revoking the permission token also turns the profile chat off.
 */
@Named
@ViewScoped
public class ConnectedSitesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Consents consents;

    @EJB
    Invitations invitations;

    @Inject
    FacesContext faces;

    private List<Consents.ConsentView> sites;
    private List<Invitation> invited;

    @PostConstruct
    void load() {
        sites = consents.mine();
        invited = invitations.mine();
    }

    public void revoke(Consents.ConsentView site) throws IOException {
        try {
            consents.revokeMine(site.id(), Http.address(faces));
            done(Texts.info(faces, "sites.revokedMessage", site.site()));
        } catch (AccountRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public void withdraw(Invitation invitation) throws IOException {
        try {
            invitations.withdraw(invitation.getId(), Http.address(faces));
            done(Texts.info(faces, "sites.withdrewMessage", invitation.getSite()));
        } catch (AccountRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    private void done(FacesMessage message) throws IOException {
        faces.addMessage(null, message);
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.getFlash().setRedirect(true);
        external.redirect(external.getRequestContextPath() + "/settings");
    }

    public List<Consents.ConsentView> getSites() {
        return sites;
    }

    public List<Invitation> getInvited() {
        return invited;
    }
}
