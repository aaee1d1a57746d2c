package org.parley.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.consent.boundary.VisitorTickets;
import org.parley.web.security.BearerTokens;
import org.parley.web.json.JsonBuilders;

/**
 * {@code POST /api/visitor-tickets} with a Bearer token holding {@code chat.signin}: a
 * single-use ticket, valid 5 minutes, for an IM control's {@code dt} parameter.
 */
@Path("visitor-tickets")
@RequestScoped
public class VisitorTicketsResource {

    @Inject
    BearerTokens bearer;

    @EJB
    VisitorTickets tickets;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam("Authorization") String authorization) {
        VisitorTickets.Ticket ticket = tickets.issue(bearer.required(authorization));
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(JsonBuilders.object().add("ticket", ticket.value()).add("expires_in", ticket.expiresIn())
                        .build().toString())
                .build();
    }
}
