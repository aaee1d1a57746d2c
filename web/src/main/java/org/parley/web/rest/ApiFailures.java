package org.parley.web.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What JAX-RS refuses under {@code /api} before a resource runs — an {@code Accept} it cannot meet or cannot read, a
 * method the endpoint does not take, no such endpoint — is answered in the endpoint's format rather than with the
 * container's HTML error page: the Presence API's JSON at {@code /api/presence}, OAuth's error JSON (RFC 6749 §5.2)
 * elsewhere, as the HTTP guard and {@code PercentEscapes} answer. Refusals of 500 and above keep their own answer.
 */
@Provider
public class ApiFailures implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response refusal = e.getResponse();
        int status = refusal.getStatus();
        if (status >= 500) {
            return refusal;
        }
        String sentence = switch (status) {
            case 404 -> "There is no such endpoint.";
            case 405 -> "This endpoint does not take this method.";
            case 406 -> "The answer is application/json.";
            case 415 -> "This endpoint does not read a body of this Content-Type.";
            default -> "The request cannot be read.";
        };
        // the path relative to the application's /api, as UriInfo gives it: "presence" for /api/presence
        Response.ResponseBuilder answer = uri.getPath().startsWith("presence")
                ? CachedAnswers.refused(status, sentence)
                : OAuthErrors.answer(status, "invalid_request", sentence);
        if (!refusal.getAllowedMethods().isEmpty()) {
            answer.allow(withHead(refusal.getAllowedMethods()));
        }
        return answer.build();
    }

    /**
     * {@code allowed} with {@code HEAD} where it has {@code GET}, which JAX-RS answers too: Jersey's {@code 405} left it
     * out, while its {@code OPTIONS} at the same address listed it.
     */
    private static Set<String> withHead(Set<String> allowed) {
        if (!allowed.contains(HttpMethod.GET) || allowed.contains(HttpMethod.HEAD)) {
            return allowed;
        }
        Set<String> more = new LinkedHashSet<>(allowed);
        more.add(HttpMethod.HEAD);
        return more;
    }
}
