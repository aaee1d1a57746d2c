package org.parley.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import org.parley.account.entity.Role;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.BearerIdentity;

/**
 * How Parley knows who is calling.
 * <ul>
 * <li>Members sign in on {@code /signin}; the session remembers them. A page that needs a member
 * sends the browser to {@code /signin} and remembers, in the session, which page of Parley asked
 * (GET requests only); after the sign-in the browser goes back there, never to a URL taken from a
 * parameter.</li>
 * <li>The desktop client presents {@code Authorization: Bearer} (an access token of
 * {@code parley-desktop}) on protected resources such as {@code /ws/client}; such a request
 * creates no session, so a revoked token cannot live on in a cookie.</li>
 * </ul>
 */
@ApplicationScoped
public class MemberAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String CONTINUE_TO = MemberAuthenticationMechanism.class.getName() + ".continueTo";
    private static final String SIGNED_IN = MemberAuthenticationMechanism.class.getName() + ".signedIn";

    /** Who signed in on this session. */
    record SignedIn(String username, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BearerTokens bearerTokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession().setAttribute(SIGNED_IN,
                    new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        String authorization = request.getHeader("Authorization");
        if (BearerTokens.token(authorization).isPresent() && context.isProtected()) {
            Optional<BearerIdentity> bearer = bearerTokens.identify(authorization)
                    .filter(identity -> Application.DESKTOP.equals(identity.application()));
            if (bearer.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\"");
                return context.responseUnauthorized();
            }
            return context.notifyContainerAboutLogin(bearer.get().member(), Set.of(Role.MEMBER_GROUP));
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.username(), signedIn.groups());
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
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object path = session.getAttribute(CONTINUE_TO);
        session.removeAttribute(CONTINUE_TO);
        return Optional.ofNullable((String) path);
    }
}
