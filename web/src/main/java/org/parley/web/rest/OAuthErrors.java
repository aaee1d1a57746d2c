package org.parley.web.rest;

import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.parley.consent.entity.OAuthException;
import org.parley.web.json.JsonBuilders;

/**
 * RFC 6749 §5.2 error answers: 400 with {@code {"error","error_description"}}, 401 for
 * {@code invalid_client} (with a Basic challenge), 403 for {@code insufficient_scope}; never cached.
 */
@Provider
public class OAuthErrors implements ExceptionMapper<OAuthException> {

    @Override
    public Response toResponse(OAuthException e) {
        Response.ResponseBuilder answer = switch (e.error()) {
            case "invalid_client" -> Response.status(401).header("WWW-Authenticate", "Basic realm=\"parley\"");
            case "invalid_token" -> Response.status(401).header("WWW-Authenticate",
                    "Bearer realm=\"parley\", error=\"invalid_token\"");
            case "insufficient_scope" -> Response.status(403).header("WWW-Authenticate",
                    "Bearer realm=\"parley\", error=\"insufficient_scope\"");
            case "too_many_requests" -> Response.status(429);
            case "temporarily_unavailable" -> Response.status(503);
            default -> Response.status(400);
        };
        return body(answer, e.error(), e.description()).build();
    }

    /** An error answer with this status, {@code error} code and description: JSON, never cached. */
    static Response.ResponseBuilder answer(int status, String error, String description) {
        return body(Response.status(status), error, description);
    }

    private static Response.ResponseBuilder body(Response.ResponseBuilder answer, String error, String description) {
        return answer.type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .entity(new String(body(error, description), StandardCharsets.UTF_8));
    }

    /** The JSON of an error answer, RFC 6749 §5.2: {@code {error, error_description}}. */
    static byte[] body(String error, String description) {
        return JsonBuilders.object().add("error", error).add("error_description", description).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
