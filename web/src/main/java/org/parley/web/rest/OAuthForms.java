package org.parley.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.parley.account.entity.PlainText;
import org.parley.web.view.PercentEscapes;

/**
 * Every POST to the OAuth endpoints carries its parameters as an
 * {@code application/x-www-form-urlencoded} body (RFC 6749 §3.2, RFC 7009 §2.1, RFC 8628 §3.1).
 * A request that is not one — no or another Content-Type, a charset Parley does not know, a
 * malformed percent-escape, a body over 64 KiB — is answered {@code invalid_request} here, before
 * JAX-RS would fail on it with a 415, a 500 or the server's HTML error page.
 */
@Provider
@PreMatching
public class OAuthForms implements ContainerRequestFilter {

    static final int MAX_BODY = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String problem = contentTypeProblem(request);
        if (problem == null) {
            byte[] body = request.getEntityStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                problem = "The request body is larger than 64 KiB.";
            } else if (!PercentEscapes.wellFormed(new String(body, StandardCharsets.ISO_8859_1))) {
                problem = "The form has a malformed percent-escape (% must be followed by two hex digits).";
            } else {
                problem = repeated(new String(body, StandardCharsets.ISO_8859_1))
                        .map(name -> "The parameter " + name + " is repeated; send each parameter once (RFC 6749 §3.2).")
                        .orElse(null);
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        if (problem != null) {
            request.abortWith(OAuthErrors.answer(400, "invalid_request", problem).build());
        }
    }

    /**
     * The first parameter named twice in a form (decoded, at most 64 characters of it shown), if any: RFC 6749 §3.1 and
     * §3.2 allow each once, and which of two a reader takes is up to each reader — a proxy in front may have read the other.
     */
    static Optional<String> repeated(String form) {
        Set<String> names = new HashSet<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (!names.add(name)) {
                String shown = PlainText.line(name);
                return Optional.of(shown.length() > 64 ? shown.substring(0, 64) + "…" : shown);
            }
        }
        return Optional.empty();
    }

    private static String contentTypeProblem(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException e) {
            return "The Content-Type header cannot be read; send application/x-www-form-urlencoded.";
        }
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            return "Send the parameters as application/x-www-form-urlencoded.";
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !knownCharset(charset)) {
            return "The form's charset is unknown; send it as UTF-8.";
        }
        return null;
    }

    private static boolean knownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
