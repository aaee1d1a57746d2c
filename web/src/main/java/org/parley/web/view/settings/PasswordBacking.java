package org.parley.web.view.settings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import org.parley.account.boundary.Members;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.WrongPasswordException;
import org.parley.web.security.MemberAuthenticationMechanism;
import org.parley.web.view.Http;

/**
 * Backs {@code /settings/password}: a member changes their password, confirming the current one.
 * Their other sessions end; this one stays signed in.
 */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    Members members;

    @Inject
    FacesContext faces;

    @NotBlank(message = "Enter your current password.")
    private String currentPassword;

    @NotBlank(message = "Enter a new password.")
    private String newPassword;

    @NotBlank(message = "Repeat the new password.")
    private String repeatedPassword;

    public void change() {
        if (!newPassword.equals(repeatedPassword)) {
            error("The two new passwords are not the same.");
            return;
        }
        try {
            int generation = members.changeMyPassword(currentPassword.toCharArray(), newPassword.toCharArray(),
                    Http.address(faces));
            MemberAuthenticationMechanism.keepSignedIn(Http.request(faces), generation);
            faces.addMessage(null, new FacesMessage("Your password is changed. Your other sessions have ended."));
        } catch (WrongPasswordException | AccountRefusedException e) {
            error(e.getMessage());
        }
    }

    private void error(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
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
