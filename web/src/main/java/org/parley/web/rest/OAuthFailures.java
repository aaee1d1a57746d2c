package org.parley.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever else goes wrong at the OAuth endpoints is still answered in RFC 6749 §5.2 JSON, not
 * with the server's HTML error page: a request JAX-RS refuses (wrong method, no such endpoint)
 * keeps its 4xx status as {@code invalid_request}; a failure of Parley's own is a 500
 * {@code server_error}, logged with its cause.
 */
@Provider
public class OAuthFailures implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(OAuthFailures.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException refused && refused.getResponse().getStatus() < 500) {
            Response refusal = refused.getResponse();
            int status = refusal.getStatus();
            Response.ResponseBuilder answer = switch (status) {
                case 404 -> OAuthErrors.answer(404, "invalid_request", "There is no such OAuth endpoint.");
                case 405 -> OAuthErrors.answer(405, "invalid_request", "This endpoint takes POST.")
                        .allow(refusal.getAllowedMethods());
                case 406 -> OAuthErrors.answer(406, "invalid_request", "The answer is application/json.");
                default -> OAuthErrors.answer(400, "invalid_request", "The request cannot be read.");
            };
            return answer.build();
        }
        LOG.log(Level.SEVERE, "An OAuth request failed inside Parley", e);
        return OAuthErrors.answer(500, "server_error", "Parley could not complete this request; the server log says why.")
                .build();
    }
}
