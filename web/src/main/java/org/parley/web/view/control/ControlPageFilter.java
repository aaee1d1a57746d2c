package org.parley.web.view.control;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.consent.control.IntranetOrigins;
import org.parley.settings.control.CurrentSettings;

/**
 * The headers of the IM control page. It is made to be framed, so instead of refusing frames
 * ({@code X-Frame-Options}) its Content-Security-Policy names who may frame it: Parley itself and
 * the intranet origins of {@code parley.intranet.origins}. Everything else it may load is
 * Parley's own; the one inline element, the palette's {@code <style>}, carries this request's nonce.
 */
@WebFilter(filterName = "ControlPageFilter", urlPatterns = {"/conversation/imme", "/conversation/imme.xhtml",
        "/Conversation/IMMe.aspx", "/conversation/imme.aspx", "/Conversation/imme.aspx", "/conversation/IMMe.aspx"})
public class ControlPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ControlPageFilter.class.getName());

    /** The request attribute holding this response's CSP nonce. */
    static final String NONCE = ControlPageFilter.class.getName() + ".nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code parley.intranet.origins} as in effect now (Admin → Settings, else configured). */
    @Inject
    transient CurrentSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String nonce = newNonce();
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce, settings.now().intranetOrigins()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // a fresh nonce on every load: never answer from a cache without asking
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }

    static String newNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The page's Content-Security-Policy: Parley and the intranet origins may frame it. */
    static String policy(String nonce, Collection<String> frameAncestors) {
        StringBuilder ancestors = new StringBuilder("'self'");
        frameAncestors.forEach(origin -> ancestors.append(' ').append(origin));
        return "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-" + nonce + "'; img-src 'self'; "
                + "connect-src 'self'; frame-ancestors " + ancestors + "; base-uri 'none'; form-action 'self'";
    }

    /** Says once, at start-up, which configured origins are no origins and so may not frame the control. */
    @Override
    public void init() {
        for (String origin : IntranetOrigins.invalid(config())) {
            String shown = origin.replaceAll("\\p{Cntrl}", "?");
            LOG.warning(() -> IntranetOrigins.KEY + ": '" + shown + "' is not an origin (scheme://host[:port]); "
                    + "it may not frame the control, open sockets or invite");
        }
    }

    private static org.eclipse.microprofile.config.Config config() {
        return ConfigProvider.getConfig(ControlPageFilter.class.getClassLoader());
    }
}
