package org.parley.web.view.applications;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Invitations;
import org.parley.web.view.Http;

/**
 * Backs {@code /applications/websignup}, a site's invitation to share presence (SPEC.md §1).
 * A return address Parley does not know is explained here and never redirected to.
 */
@Named
@ViewScoped
public class WebSignupBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Invitations invitations;

    @EJB
    MemberDirectory directory;

    @Inject
    FacesContext faces;

    private Invitations.Invite invite;
    private String refusal;

    public void load() {
        Http.noFraming(faces);
        try {
            invite = invitations.check(Http.parameterIgnoringCase(faces, "returnurl"),
                    Http.parameterIgnoringCase(faces, "privacyurl"), Http.parameterIgnoringCase(faces, "appid"));
        } catch (AccountRefusedException e) {
            refusal = e.getMessage();
            Http.status(faces, 400);
            return;
        }
        if (!invite.hasPrivacyUrl()) {
            Http.seeOther(faces, Http.withQuery(invite.returnUrl(), "result", "NoPrivacyUrl"));
        }
    }

    public void accept() {
        invitations.accept(invite, Http.address(faces));
        String id = directory.byUsername(Http.remoteUser(faces)).map(directory::publicId)
                .orElseThrow(() -> new IllegalStateException("a signed-in member is in the directory"));
        Http.seeOther(faces, Http.withQuery(invite.returnUrl(), "result", "Accepted", "id", id));
    }

    public void decline() {
        invitations.decline(invite, Http.address(faces));
        Http.seeOther(faces, Http.withQuery(invite.returnUrl(), "result", "Declined"));
    }

    public Invitations.Invite getInvite() {
        return invite;
    }

    public String getRefusal() {
        return refusal;
    }
}
