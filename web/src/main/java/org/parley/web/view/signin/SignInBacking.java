package org.parley.web.view.signin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.ejb.EJB;
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
import org.parley.account.boundary.Members;
import org.parley.account.boundary.SignInResult;
import org.parley.account.entity.Member;
import org.parley.web.i18n.Texts;
import org.parley.web.security.MemberAuthenticationMechanism;
import org.parley.web.security.SignInAttempt;

/** Backs {@code /signin}: signs a member in and sends them on to the page of Parley that asked. */
@Named
@RequestScoped
public class SignInBacking {

    static final String WRONG = "{parley.signin.wrong}";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    SignInAttempt attempt;

    @EJB
    Members members;

    @NotBlank(message = "{parley.signin.usernameRequired}")
    @Size(max = Member.USERNAME_MAX, message = WRONG)
    private String username;

    @NotBlank(message = "{parley.signin.passwordRequired}")
    @Size(max = Member.PASSWORD_MAX, message = WRONG)
    private String password;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath()
                    + MemberAuthenticationMechanism.afterSignIn(request, members.me().getLanguage().orElse(null)));
        } else {
            faces.addMessage(null, explain());
        }
    }

    private FacesMessage explain() {
        SignInResult result = attempt.result().orElse(null);
        if (result == null) {
            return Texts.error(faces, "signin.wrong");
        }
        return switch (result.outcome()) {
            case DISABLED -> Texts.error(faces, "signin.disabled");
            case SLOWED_DOWN -> Texts.error(faces, "signin.slowedDown", Math.max(1, result.retryAfter().toSeconds()));
            case ACCOUNT_CONFLICT -> Texts.error(faces, "signin.conflict");
            case SOURCE_UNAVAILABLE -> Texts.error(faces, "signin.directoryDown");
            default -> Texts.error(faces, "signin.wrong");
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
