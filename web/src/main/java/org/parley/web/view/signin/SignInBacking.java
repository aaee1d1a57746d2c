package org.parley.web.view.signin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.parley.account.boundary.SignInResult;
import org.parley.account.entity.Member;
import org.parley.web.security.MemberAuthenticationMechanism;
import org.parley.web.security.SecurityConfiguration;
import org.parley.web.security.SignInAttempt;

/** Backs {@code /signin}: signs a member in and sends them on to the page of Parley that asked. */
@Named
@RequestScoped
public class SignInBacking {

    static final String WRONG = "Wrong username or password.";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    SignInAttempt attempt;

    @NotBlank(message = "Enter your username.")
    @Size(max = Member.USERNAME_MAX, message = WRONG)
    private String username;

    @NotBlank(message = "Enter your password.")
    @Size(max = Member.PASSWORD_MAX, message = WRONG)
    private String password;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            request.changeSessionId();
            external.redirect(external.getRequestContextPath()
                    + MemberAuthenticationMechanism.continueTo(request).orElse(SecurityConfiguration.HOME_OF_MEMBERS));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, explain(), null));
        }
    }

    private String explain() {
        SignInResult result = attempt.result().orElse(null);
        if (result == null) {
            return WRONG;
        }
        return switch (result.outcome()) {
            case DISABLED -> "This account is disabled. Ask an administrator to enable it.";
            case SLOWED_DOWN -> "Too many failed sign-ins. Try again in " + Math.max(1, result.retryAfter().toSeconds())
                    + " seconds.";
            default -> WRONG;
        };
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
