package org.parley.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.Consents;
import org.parley.consent.boundary.DeviceAuthorizations;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.OAuthException;
import org.parley.consent.entity.Scope;
import org.parley.consent.entity.TokenResponse;
import org.parley.web.json.JsonBuilders;
import org.parley.web.security.ClientAddress;

/** {@code POST /oauth/token}: the code, refresh and device grants (RFC 6749 §4.1.3, §6; RFC 8628 §3.4). */
@Path("token")
@RequestScoped
public class TokenResource {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @EJB
    Applications applications;

    @EJB
    Consents consents;

    @EJB
    DeviceAuthorizations devices;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam("Authorization") String authorization,
                          @FormParam("grant_type") String grantType,
                          @FormParam("code") String code,
                          @FormParam("redirect_uri") String redirectUri,
                          @FormParam("code_verifier") String codeVerifier,
                          @FormParam("refresh_token") String refreshToken,
                          @FormParam("scope") String scope,
                          @FormParam("device_code") String deviceCode,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret) {
        if (grantType == null || grantType.isBlank()) {
            throw new OAuthException("invalid_request", "grant_type is required.");
        }
        ClientCredentials credentials = ClientCredentials.of(authorization, clientId, clientSecret);
        Application client = applications.authenticate(credentials.id(), credentials.secret());
        String address = ClientAddress.configured().of(request);
        TokenResponse tokens = switch (grantType) {
            case "authorization_code" -> consents.exchangeCode(client, required(code, "code"), redirectUri, codeVerifier, address);
            case "refresh_token" -> consents.refresh(client, required(refreshToken, "refresh_token"), scope, address);
            case DEVICE_GRANT -> devices.poll(client, required(deviceCode, "device_code"));
            default -> throw new OAuthException("unsupported_grant_type", "Supported: authorization_code, refresh_token, "
                    + DEVICE_GRANT + ".");
        };
        JsonObjectBuilder body = JsonBuilders.object()
                .add("access_token", tokens.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", tokens.expiresIn())
                .add("refresh_token", tokens.refreshToken())
                .add("scope", Scope.format(tokens.scopes()));
        if (tokens.cid() != null) {
            body.add("cid", tokens.cid());
        }
        return Response.ok(body.build().toString()).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new OAuthException("invalid_request", name + " is required.");
        }
        return value;
    }
}
