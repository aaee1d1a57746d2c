package org.parley.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.consent.entity.BearerIdentity;
import org.parley.consent.entity.OAuthException;
import org.parley.web.i18n.Markets;
import org.parley.web.json.JsonBuilders;

/** {@code GET /api/presence?ids=A,B,…} (at most 200): the presence objects of many members, for directory pages. */
@Path("presence")
@ApplicationScoped // one instance for every request: nothing to create per request on the hot path
public class PresenceBatchResource {

    static final int MAX_IDS = 200;

    @Inject
    PresenceAnswers answers;

    @Inject
    CachedAnswers cached;



    @GET
    @Produces({"application/json", "application/javascript"})
    @Operation(summary = "The presence of up to 200 members, in the order asked",
            description = "ids: comma-separated CID or CID@DOMAIN; each element is the object of /users/{id}/presence.")
    @APIResponse(responseCode = "200", description = "An array of presence objects")
    @APIResponse(responseCode = "400", description = "No ids, more than 200, or an invalid cb")
    public Response presence(@QueryParam("ids") String ids, @QueryParam("cb") String callback,
                             @QueryParam("mkt") String mkt, @HeaderParam("Authorization") String authorization,
                             @Context UriInfo uri, @Context Request request) {
        if (callback != null && !PresenceAnswers.CALLBACK.matcher(callback).matches()) {
            return cached.badCallback();
        }
        List<String> wanted = ids == null ? List.of()
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (wanted.isEmpty() || wanted.size() > MAX_IDS) {
            return CachedAnswers.refused(400, "ids: 1 to " + MAX_IDS + " member ids, separated by commas").build();
        }
        Optional<BearerIdentity> bearer;
        try {
            bearer = cached.bearer(authorization);
        } catch (OAuthException e) {
            // readable by any page, as every answer of the API (CORS *)
            return Response.fromResponse(new OAuthErrors().toResponse(e)).header("Access-Control-Allow-Origin", "*").build();
        }
        Locale culture = Markets.resolve(mkt);
        String base = cached.base(uri);
        JsonArrayBuilder all = JsonBuilders.array();
        wanted.forEach(id -> all.add(answers.answer(answers.visible(id, bearer), culture, base).json()));
        return cached.json(request, all.build(), callback, bearer.isPresent());
    }
}
