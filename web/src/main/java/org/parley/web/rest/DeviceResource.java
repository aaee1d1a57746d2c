package org.parley.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.DeviceAuthorizations;
import org.parley.web.json.JsonBuilders;
import org.parley.web.security.ClientAddress;
import org.parley.web.security.PublicAddress;

/** {@code POST /oauth/device} (RFC 8628 §3.1): for the desktop client on a machine without a browser. */
@Path("device")
@RequestScoped
public class DeviceResource {

    @EJB
    Applications applications;

    @EJB
    DeviceAuthorizations devices;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@HeaderParam("Authorization") String authorization,
                          @FormParam("client_id") String clientId,
                          @FormParam("scope") String scope) {
        ClientCredentials credentials = ClientCredentials.of(authorization, clientId, null);
        var started = devices.start(applications.authenticate(credentials.id(), credentials.secret()), scope,
                ClientAddress.configured().of(request));
        String verification = origin() + request.getContextPath() + "/device";
        return Response.ok(JsonBuilders.object()
                        .add("device_code", started.deviceCode())
                        .add("user_code", started.userCode())
                        .add("verification_uri", verification)
                        .add("verification_uri_complete", verification + "?user_code="
                                + URLEncoder.encode(started.userCode(), StandardCharsets.UTF_8))
                        .add("expires_in", started.expiresIn())
                        .add("interval", started.interval())
                        .build().toString())
                .header("Cache-Control", "no-store").build();
    }

    private String origin() {
        return PublicAddress.configured().origin(request);
    }
}
