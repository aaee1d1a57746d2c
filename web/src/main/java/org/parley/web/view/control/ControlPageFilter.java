package org.parley.web.view.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

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

    /** An origin as a CSP source may name it: scheme, host (or bracketed IPv6) and port, nothing else. */
    static final Pattern ORIGIN = Pattern.compile("https?://([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String nonce = newNonce();
        request.setAttribute(NONCE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce, intranetOrigins()));
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

    /** The page's Content-Security-Policy; origins that are not plain origins are left out. */
    static String policy(String nonce, List<String> frameAncestors) {
        StringBuilder ancestors = new StringBuilder("'self'");
        origins(frameAncestors).forEach(origin -> ancestors.append(' ').append(origin));
        return "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-" + nonce + "'; img-src 'self'; "
                + "connect-src 'self'; frame-ancestors " + ancestors + "; base-uri 'none'; form-action 'self'";
    }

    static Set<String> origins(List<String> configured) {
        Set<String> origins = new LinkedHashSet<>();
        for (String value : configured) {
            normalized(value).filter(origin -> ORIGIN.matcher(origin).matches()).ifPresent(origins::add);
        }
        return origins;
    }

    private static Optional<String> normalized(String value) {
        String origin = value.trim().toLowerCase(Locale.ROOT);
        return Optional.of(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .filter(o -> !o.isEmpty());
    }

    /** Says once, at start-up, which configured origins are no origins and so may not frame the control. */
    @Override
    public void init() {
        for (String value : intranetOrigins()) {
            normalized(value).filter(origin -> !ORIGIN.matcher(origin).matches()).ifPresent(origin -> {
                String shown = origin.replaceAll("\\p{Cntrl}", "?");
                LOG.warning(() -> "parley.intranet.origins: '" + shown + "' is not an origin (scheme://host[:port]); "
                        + "the IM control does not let it frame the control");
            });
        }
    }

    private static List<String> intranetOrigins() {
        return ConfigProvider.getConfig(ControlPageFilter.class.getClassLoader())
                .getOptionalValues("parley.intranet.origins", String.class).orElse(List.of());
    }
}
