package org.parley.web.view.settings;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import org.parley.account.boundary.Members;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Member;
import org.parley.account.entity.Origin;
import org.parley.account.entity.UnacceptablePasswordException;
import org.parley.account.entity.WrongPasswordException;
import org.parley.web.i18n.Texts;
import org.parley.web.security.MemberAuthenticationMechanism;
import org.parley.web.view.Http;

/**
 * Backs {@code /settings/password}: a member changes their password, confirming the current one.
 * Their other sessions end; this one stays signed in.
 */
@Named
@RequestScoped
public class PasswordBacking {

    @EJB
    Members members;

    @Inject
    FacesContext faces;

    @NotBlank(message = "{parley.password.currentRequired}")
    private String currentPassword;

    @NotBlank(message = "{parley.password.nextRequired}")
    private String newPassword;

    @NotBlank(message = "{parley.password.repeatRequired}")
    private String repeatedPassword;

    /** Where the member's account comes from: a password kept by the company directory or a provider is changed there. */
    public Origin getOrigin() {
        return members.me().getOrigin();
    }

    public void change() {
        if (!newPassword.equals(repeatedPassword)) {
            faces.addMessage(null, Texts.error(faces, "password.notTheSame"));
            return;
        }
        try {
            int generation = members.changeMyPassword(currentPassword.toCharArray(), newPassword.toCharArray(),
                    Http.address(faces));
            MemberAuthenticationMechanism.keepSignedIn(Http.request(faces), generation);
            faces.addMessage(null, Texts.info(faces, "password.changed"));
        } catch (WrongPasswordException e) {
            faces.addMessage(null, Texts.error(faces, "password.wrongCurrent"));
        } catch (UnacceptablePasswordException e) {
            faces.addMessage(null, Texts.error(faces, "password.unacceptable", Member.PASSWORD_MIN, Member.PASSWORD_MAX));
        } catch (AccountRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}
