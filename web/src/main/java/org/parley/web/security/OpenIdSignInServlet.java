package org.parley.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.parley.account.boundary.Members;
import org.parley.openid.boundary.OpenIdSignIns;
import org.parley.openid.entity.Callback;
import org.parley.openid.entity.OpenIdRefusedException;
import org.parley.openid.entity.PendingSignIn;
import org.parley.openid.entity.SignInStart;

/**
 * {@code /signin/oidc}: signing in through the OpenID provider, from the browser's side. The sign-in
 * page's button POSTs here: a sign-in is started ({@link OpenIdSignIns#start}), kept in this browser's
 * session, and the browser is sent to the provider's authorization endpoint (the only place off Parley
 * it is ever sent). The provider sends the browser back here with a GET, which is Parley's redirect
 * URI: the answer is matched with the sign-in this session started (once) and goes through
 * {@link MemberAuthenticationMechanism} like a password, so a member signed in this way has the same
 * session as any other. Whatever goes wrong sends the browser to the sign-in page with an
 * {@link OpenIdNotice}; when OpenID sign-in is off, this address does not exist (404).
 */
@WebServlet(urlPatterns = OpenIdSignInServlet.PATH)
public class OpenIdSignInServlet extends HttpServlet {

    static final String PATH = "/signin/oidc";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OpenIdSignInServlet.class.getName());

    @EJB
    OpenIdSignIns signIns;

    @Inject
    SecurityContext securityContext;

    @Inject
    OpenIdAttempt openIdAttempt;

    @Inject
    SignInAttempt attempt;

    @EJB
    Members members;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (signIns.providerName().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SignInStart start;
        try {
            // this very address is the callback: the browser posted to it as it will come back to it
            start = signIns.start(URI.create(PublicAddress.configured().origin(request) + request.getRequestURI()),
                    ClientAddress.configured().of(request));
        } catch (OpenIdRefusedException refused) {
            toSignIn(request, response, OpenIdNotice.of(refused.getReason()));
            return;
        }
        PendingSignIns.keep(request.getSession(), start.pending());
        response.sendRedirect(start.authorizationUri().toString());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (signIns.providerName().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Callback answer = new Callback(request.getParameter("code"), request.getParameter("state"),
                request.getParameter("error"), request.getParameter("error_description"));
        Optional<PendingSignIn> pending = PendingSignIns.take(request.getSession(false), answer.state());
        if (pending.isEmpty()) {
            LOG.info(() -> "Refused a sign-in through the OpenID provider from " + ClientAddress.configured().of(request)
                    + ": the answer names no sign-in this browser has under way (" + (answer.state() == null ? "it has no state"
                    : "its state is unknown here: already used, started in another browser, or forged") + ")");
            toSignIn(request, response, OpenIdNotice.REPLAYED);
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(new OpenIdCredential(answer, pending.get())));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath()
                    + MemberAuthenticationMechanism.afterSignIn(request, members.me().getLanguage().orElse(null)));
            return;
        }
        toSignIn(request, response, openIdAttempt.refusal().map(OpenIdNotice::of)
                .or(() -> attempt.result().map(refused -> OpenIdNotice.of(refused.outcome()))).orElse(OpenIdNotice.FAILED));
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response, OpenIdNotice notice)
            throws IOException {
        response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE + "?" + OpenIdNotice.PARAMETER
                + "=" + notice.word());
    }
}
