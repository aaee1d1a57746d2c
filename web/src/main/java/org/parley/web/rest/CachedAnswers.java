package org.parley.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.parley.consent.entity.BearerIdentity;
import org.parley.web.json.JsonBuilders;
import org.parley.web.security.BearerTokens;
import org.parley.web.security.PublicAddress;

/**
 * How presence answers go out: CORS {@code *}, cacheable for a few seconds with an {@code ETag}
 * (private when a Bearer token was used), JSONP as {@code application/javascript} with
 * {@code nosniff} and always 200, plain JSON with the result code as the HTTP status.
 */
@ApplicationScoped
public class CachedAnswers {

    private static final int MAX_AGE_SECONDS = 5;

    @Inject
    BearerTokens bearerTokens;

    /** The caller's Bearer identity; an Authorization header that is not a valid token is {@code invalid_token}. */
    public Optional<BearerIdentity> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        return Optional.of(bearerTokens.required(authorization));
    }

    /** Parley's own address ({@code parley.public-url}, else as the caller wrote it), for the icon URLs in an answer. */
    public String base(UriInfo uri) {
        URI parley = uri.getBaseUri().resolve("..");
        PublicAddress address = PublicAddress.configured();
        return address.isSet() ? address.origin() + parley.getRawPath() : parley.toString();
    }

    public Response badCallback() {
        return refused(400, "cb must be 1 to 128 letters, digits or underscores").build();
    }

    /**
     * A refusal in the Presence API's format, {@code {"result":{"code":status,"response":sentence}}} with the code as
     * the HTTP status, for any page to read (CORS {@code *}) and never cached.
     */
    static Response.ResponseBuilder refused(int status, String sentence) {
        return Response.status(status).type("application/json").header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "no-store").entity(refusalBody(status, sentence));
    }

    /** The body of a refusal in the Presence API's format. */
    static String refusalBody(int status, String sentence) {
        return JsonBuilders.object().add("result", JsonBuilders.object().add("code", status).add("response", sentence))
                .build().toString();
    }

    public Response json(Request request, JsonStructure answer, String callback, boolean personal) {
        String body = callback == null ? answer.toString() : callback + "(" + answer + ");";
        int status = callback == null && answer.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                ? answer.asJsonObject().getJsonObject("result").getInt("code") : 200;
        String type = callback == null ? "application/json" : "application/javascript";
        return answer(request, body.getBytes(StandardCharsets.UTF_8), type, status, personal);
    }

    private Response answer(Request request, byte[] body, String type, int status, boolean personal) {
        return answer(request, body, new EntityTag(PresenceAnswers.tagOf(new String(body, StandardCharsets.UTF_8))),
                type, status, personal);
    }

    private Response answer(Request request, byte[] body, EntityTag tag, String type, int status, boolean personal) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        cache.setPrivate(personal);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = unchanged != null ? unchanged : Response.status(status).entity(body);
        return builder.type(type + ";charset=utf-8").tag(tag).cacheControl(cache)
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff")
                .header("Vary", PresenceReplies.VARY_WITH_ICONS)
                .build();
    }
}
