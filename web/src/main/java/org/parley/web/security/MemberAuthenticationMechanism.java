package org.parley.web.security;

import jakarta.ejb.EJB;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.boundary.SignInResult;
import org.parley.account.control.LogText;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.Role;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.BearerIdentity;
import org.parley.web.i18n.Markets;
import org.parley.web.i18n.PageLocales;

/**
 * How Parley knows who is calling.
 * <ul>
 * <li>Members sign in on {@code /signin}; the session remembers them. A page that needs a member
 * sends the browser to {@code /signin} and remembers, in the session, which page of Parley asked
 * (GET requests only, and only a {@link ReturnPath} of Parley's own); after the sign-in the
 * browser goes back there, never to a URL taken from a parameter.</li>
 * <li>A session speaks for its member only while the member is enabled and still has the
 * session generation the session signed in under (a new password or disabling starts a new
 * one); the member's role is read afresh on every request. Both come from the in-memory
 * {@link MemberDirectory}, so this costs no database query. A session that no longer qualifies is
 * ended at its next page, which goes to the sign-in page, which says why; until then (a socket, a
 * public file) it speaks for nobody.</li>
 * <li>{@code Authorization: Bearer} counts only where {@link TokenPaths} says so: on
 * {@code /ws/client} an access token of {@code parley-desktop} signs the member in for that
 * request (creating no session, so a revoked token cannot live on in a cookie); on {@code /ws/control}
 * the same token makes the caller a verified visitor, with no role; the APIs read
 * their tokens themselves; anywhere else a token opens nothing, and an invalid one is answered
 * {@code 401} with an RFC 6750 {@code invalid_token} challenge.</li>
 * </ul>
 * Every {@code 401} it answers carries its challenge and a sentence saying why ({@link #WHY_UNAUTHORIZED}), which the
 * 401 error page writes instead of the container's own page.
 */
@ApplicationScoped
public class MemberAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(MemberAuthenticationMechanism.class.getName());
    private static final String CONTINUE_TO = MemberAuthenticationMechanism.class.getName() + ".continueTo";
    /** The session attribute that says who signed in on it ({@link SignedIn}); {@link AnonymousSessions} hears it set. */
    static final String SIGNED_IN = MemberAuthenticationMechanism.class.getName() + ".signedIn";
    private static final String INVALID_TOKEN = "Bearer realm=\"parley\", error=\"invalid_token\"";
    /** The challenge to a request that came without any credential where one is needed (RFC 6750 §3: no error code). */
    private static final String SIGN_IN = "Bearer realm=\"parley\"";
    /**
     * The request attribute that holds, for a request this answers {@code 401}, the sentence that says why; the 401
     * error page ({@code org.parley.web.view.UnauthorizedAnswers}) writes it.
     */
    public static final String WHY_UNAUTHORIZED = MemberAuthenticationMechanism.class.getName() + ".whyUnauthorized";
    private static final String NO_CREDENTIAL = "Sign in first: this socket opens for a signed-in member's session (the web"
            + " console) or an access token of the desktop client (Authorization: Bearer).";
    private static final String INVALID_TOKEN_ON_A_SOCKET = "The access token in the Authorization header is unknown, expired"
            + " or revoked, or not the desktop client's, the only kind this socket takes; get a new one, or open the socket"
            + " signed in.";
    private static final String INVALID_TOKEN_ELSEWHERE = "The access token in the Authorization header is unknown, expired or"
            + " revoked (and here a valid one opens nothing: pages take a signed-in session); send the request without it.";

    /** Who signed in on this session, under which of their session generations. */
    record SignedIn(String username, int sessionGeneration) implements Serializable {
    }

    /** Why a signed-in session ended; the sign-in page words it ({@code /signin?ended=…}). */
    enum Ended { DISABLED, RENEWED }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInAttempt attempt;

    @Inject
    BearerTokens bearerTokens;

    @EJB
    MemberDirectory directory;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(credential, request, context);
        }
        String authorization = request.getHeader("Authorization");
        Optional<String> token = BearerTokens.token(authorization);
        TokenPaths where = TokenPaths.of(request);
        if (token.isPresent() && where != TokenPaths.READ_BY_THE_API) {
            Optional<BearerIdentity> bearer = bearerTokens.identify(authorization)
                    .filter(identity -> !where.desktopOnly() || Application.DESKTOP.equals(identity.application()));
            if (bearer.isEmpty()) {
                return unauthorized(request, response, context, INVALID_TOKEN,
                        where.desktopOnly() ? INVALID_TOKEN_ON_A_SOCKET : INVALID_TOKEN_ELSEWHERE);
            }
            if (where == TokenPaths.SIGNS_IN) {
                return context.notifyContainerAboutLogin(bearer.get().member(), Set.of(Role.MEMBER_GROUP));
            }
            if (where == TokenPaths.VERIFIES_A_VISITOR) {
                // who the visitor is, and nothing more: no role, so no constraint of any page is met by it
                return context.notifyContainerAboutLogin(bearer.get().member(), Set.of());
            }
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            Optional<DirectoryEntry> member = directory.byUsername(signedIn.username());
            Optional<Ended> ended = endedFor(signedIn, member);
            if (ended.isEmpty()) {
                return context.notifyContainerAboutLogin(signedIn.username(), member.get().role().groups());
            }
            // it speaks for nobody now; it is ended where the browser can be told why: at its next page
            if (context.isProtected() && !isWebSocket(request)) {
                session.invalidate();
                LOG.info(() -> "Ended a session of '" + signedIn.username() + "' from " + ClientAddress.configured().of(request) + ": "
                        + (ended.get() == Ended.DISABLED ? "the account is disabled"
                        : "the password was changed (or the account disabled) since it signed in"));
                return sendToSignIn(request, token.isPresent(), context, "?ended=" + ended.get().name().toLowerCase(Locale.ROOT));
            }
        }
        if (context.isProtected()) {
            if (isWebSocket(request)) {
                return unauthorized(request, response, context, SIGN_IN, NO_CREDENTIAL); // a socket cannot follow a redirect
            }
            return sendToSignIn(request, token.isPresent(), context, "");
        }
        return context.doNothing();
    }

    /**
     * {@code 401} with {@code challenge} ({@code WWW-Authenticate}, which every 401 carries: RFC 9110 §15.5.2) and
     * {@code why} for the error page to write.
     */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context, String challenge, String why) {
        response.setHeader("WWW-Authenticate", challenge);
        request.setAttribute(WHY_UNAUTHORIZED, why);
        return context.responseUnauthorized();
    }

    /** A page needs a member: to the sign-in page, remembering (in a session) which page of Parley asked. */
    private static AuthenticationStatus sendToSignIn(HttpServletRequest request, boolean cameWithToken,
                                                     HttpMessageContext context, String notice) {
        // a request that came with a token is no browser on its way to sign in: it gets no session to continue in
        if (!cameWithToken && "GET".equals(request.getMethod())) {
            remember(request);
        }
        return context.redirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE + notice + language(request, notice));
    }

    /** The page asked for in a language ({@code mkt}, e.g. the consent page a site sent a member to): sign in in it too. */
    private static String language(HttpServletRequest request, String notice) {
        String query = request.getQueryString();
        if (query == null || !"GET".equals(request.getMethod())) {
            return "";
        }
        // read from the raw query: a culture has no escapes, and the request's other parameters stay unparsed
        return java.util.Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith("mkt=") && Markets.plainTag(pair.substring(4)))
                .findFirst().map(pair -> (notice.isEmpty() ? "?" : "&") + pair).orElse("");
    }

    private static void remember(HttpServletRequest request) {
        String query = request.getQueryString();
        String asked = request.getRequestURI().substring(request.getContextPath().length()) + (query == null ? "" : "?" + query);
        Optional<String> page = ReturnPath.of(asked);
        if (page.isPresent()) {
            request.getSession().setAttribute(CONTINUE_TO, page.get());
        } else {
            LOG.info(() -> "A request from " + ClientAddress.configured().of(request) + " for '" + LogText.typed(asked)
                    + "' was sent to sign in; afterwards it goes to the settings: that address is not a page of Parley");
        }
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        Optional<SignInResult> signedIn = attempt.result().filter(SignInResult::signedIn);
        if (result.getStatus() != CredentialValidationResult.Status.VALID || signedIn.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession().setAttribute(SIGNED_IN,
                new SignedIn(result.getCallerPrincipal().getName(), signedIn.get().sessionGeneration()));
        return context.notifyContainerAboutLogin(result);
    }

    private static Optional<Ended> endedFor(SignedIn session, Optional<DirectoryEntry> member) {
        if (member.filter(DirectoryEntry::enabled).isEmpty()) {
            return Optional.of(Ended.DISABLED);
        }
        return member.get().sessionGeneration() == session.sessionGeneration() ? Optional.empty() : Optional.of(Ended.RENEWED);
    }

    private static boolean isWebSocket(HttpServletRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /**
     * The member changed their password in this session, which started their new session
     * generation: this session carries it on and stays signed in, while their others have ended.
     */
    public static void keepSignedIn(HttpServletRequest request, int sessionGeneration) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            session.setAttribute(SIGNED_IN, new SignedIn(signedIn.username(), sessionGeneration));
        }
    }

    /**
     * What every sign-in does once this mechanism has let the member in (a password on {@code /signin}, or the
     * OpenID provider's answer): a new session ID, so one fixed before the sign-in is worth nothing; the
     * member's chosen language ({@code null}: the browser's) for the pages from now on; a member's session lifetime
     * instead of an anonymous one ({@link AnonymousSessions}); and the path, within
     * Parley, to send the browser to: the page that asked for the sign-in, or the member's settings.
     */
    public static String afterSignIn(HttpServletRequest request, String languageTag) {
        request.changeSessionId();
        AnonymousSessions.signedIn(request);
        PageLocales.remember(request, languageTag);
        return continueTo(request).orElse(SecurityConfiguration.HOME_OF_MEMBERS);
    }

    /** The page of Parley that sent the member to sign in, once; it is forgotten as it is read. */
    private static Optional<String> continueTo(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object path = session.getAttribute(CONTINUE_TO);
        session.removeAttribute(CONTINUE_TO);
        return Optional.ofNullable((String) path);
    }
}
