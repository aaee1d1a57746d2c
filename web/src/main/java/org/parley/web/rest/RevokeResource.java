package org.parley.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.OAuthException;
import org.parley.web.security.ClientAddress;

/** {@code POST /oauth/revoke} (RFC 7009): 200 whether or not the token was known. */
@Path("revoke")
@RequestScoped
public class RevokeResource {

    @EJB
    Applications applications;

    @EJB
    Consents consents;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@HeaderParam("Authorization") String authorization,
                           @FormParam("token") String token,
                           @FormParam("token_type_hint") String hint,
                           @FormParam("client_id") String clientId,
                           @FormParam("client_secret") String clientSecret) {
        ClientCredentials credentials = ClientCredentials.of(authorization, clientId, clientSecret);
        var client = applications.authenticate(credentials.id(), credentials.secret());
        if (token == null || token.isEmpty()) {
            throw new OAuthException("invalid_request", "token is required.");
        }
        consents.revokeToken(client, token, ClientAddress.configured().of(request));
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
