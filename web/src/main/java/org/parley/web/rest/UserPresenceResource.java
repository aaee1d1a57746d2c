package org.parley.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.BearerIdentity;
import org.parley.web.i18n.Markets;
import org.parley.web.security.BearerTokens;

/**
 * {@code GET /users/{id}/presence[?cb][&mkt]} (JSON, or JSONP with {@code cb}) and
 * {@code GET /users/{id}/presenceimage}: what directory pages show of a member, SPEC.md §3.
 */
@Path("{id}")
@ApplicationScoped // one instance for every request: nothing to create per request on the hot path
public class UserPresenceResource {

    @Inject
    PresenceAnswers answers;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    CachedAnswers cached;




    @GET
    @Path("presence")
    @Produces({"application/json", "application/javascript"})
    @Operation(summary = "A member's presence (Windows Live shape)",
            description = "JSON, or JSONP with cb. Unknown, not sharing and rotated ids all answer result.code 404. "
                    + "A Bearer token with the presence scope for this member lifts the sharing requirement.")
    @APIResponse(responseCode = "200", description = "{status, statusText, displayName, id, icon:{url,width,height}, result:{code,response}}")
    @APIResponse(responseCode = "304", description = "Unchanged (If-None-Match)")
    @APIResponse(responseCode = "400", description = "cb is not [A-Za-z0-9_]{1,128}")
    @APIResponse(responseCode = "401", description = "The Bearer token is invalid, expired or revoked")
    @APIResponse(responseCode = "404", description = "No member visible under this id (JSON without cb)")
    public Response presence(@PathParam("id") String id, @QueryParam("cb") String callback,
                             @QueryParam("mkt") String mkt, @HeaderParam("Authorization") String authorization,
                             @Context UriInfo uri, @Context Request request) {
        if (callback != null && !PresenceAnswers.CALLBACK.matcher(callback).matches()) {
            return cached.badCallback();
        }
        Optional<BearerIdentity> bearer = cached.bearer(authorization);
        Optional<DirectoryEntry> member = answers.visible(id, bearer);
        PresenceAnswers.Answer answer = answers.answer(member, Markets.resolve(mkt), cached.base(uri));
        return cached.json(request, answer, callback, bearer.isPresent());
    }

    @GET
    @Path("presenceimage")
    @Produces("image/svg+xml")
    @Operation(summary = "A member's 16×16 status icon (SVG); unknown members get the offline icon")
    public Response image(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
                          @Context Request request, @Context ServletContext servletContext) {
        Optional<DirectoryEntry> member = answers.visible(id, cached.bearer(authorization));
        String icon = PresenceAnswers.iconPath(answers.presenceOf(member).status());
        try (InputStream svg = servletContext.getResourceAsStream("/" + icon)) {
            return cached.image(request, svg.readAllBytes(), authorization != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
