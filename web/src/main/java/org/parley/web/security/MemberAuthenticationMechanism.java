package org.parley.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Form sign-in for members. A page that needs a member sends the browser to {@code /signin}
 * and remembers, in the session, which page of Parley asked (GET requests only); after the
 * sign-in the browser goes back there. The way back never comes from a parameter, so sign-in
 * can never redirect anywhere but to Parley itself.
 */
@AutoApplySession
@ApplicationScoped
public class MemberAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String CONTINUE_TO = MemberAuthenticationMechanism.class.getName() + ".continueTo";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    : AuthenticationStatus.SEND_FAILURE;
        }
        if (context.isProtected()) {
            if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                return context.responseUnauthorized(); // a socket cannot follow a redirect to a page
            }
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession().setAttribute(CONTINUE_TO,
                        request.getRequestURI().substring(request.getContextPath().length()) + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE);
        }
        return context.doNothing();
    }

    /** The page of Parley that sent the member to sign in, once; it is forgotten as it is read. */
    public static Optional<String> continueTo(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object path = session.getAttribute(CONTINUE_TO);
        session.removeAttribute(CONTINUE_TO);
        return Optional.ofNullable((String) path);
    }
}
