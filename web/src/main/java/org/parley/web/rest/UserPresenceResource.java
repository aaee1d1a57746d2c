package org.parley.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.entity.BearerIdentity;
import org.parley.web.i18n.Markets;
import org.parley.web.security.BearerTokens;

/**
 * {@code GET /users/{id}/presence[?cb][&mkt]} (JSON, or JSONP with {@code cb}) and
 * {@code GET /users/{id}/presenceimage}: what directory pages show of a member, SPEC.md §3.
 */
@Path("{id}")
@RequestScoped
public class UserPresenceResource {

    @Inject
    PresenceAnswers answers;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    CachedAnswers cached;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    ServletContext servletContext;

    @GET
    @Path("presence")
    public Response presence(@PathParam("id") String id, @QueryParam("cb") String callback,
                             @QueryParam("mkt") String mkt, @HeaderParam("Authorization") String authorization) {
        if (callback != null && !PresenceAnswers.CALLBACK.matcher(callback).matches()) {
            return cached.badCallback();
        }
        Optional<BearerIdentity> bearer = cached.bearer(authorization);
        Optional<DirectoryEntry> member = answers.visible(id, bearer);
        JsonObject answer = answers.answer(member, Markets.resolve(mkt), cached.base(uri));
        return cached.json(request, answer, callback, bearer.isPresent());
    }

    @GET
    @Path("presenceimage")
    public Response image(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        Optional<DirectoryEntry> member = answers.visible(id, cached.bearer(authorization));
        String icon = PresenceAnswers.iconPath(answers.presenceOf(member).status());
        try (InputStream svg = servletContext.getResourceAsStream("/" + icon)) {
            return cached.image(request, svg.readAllBytes(), authorization != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
