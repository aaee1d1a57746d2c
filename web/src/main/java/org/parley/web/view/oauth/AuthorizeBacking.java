package org.parley.web.view.oauth;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.AuthorizationRequest;
import org.parley.consent.entity.AuthorizeException;
import org.parley.web.view.Http;

/**
 * Backs {@code /oauth/authorize}, the consent page (SPEC.md §2). A request whose site or return
 * address cannot be trusted is explained here and never redirected; every other answer goes
 * back to the site's registered redirect URI with {@code 303}.
 */
@Named
@ViewScoped
public class AuthorizeBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
    private static final List<String> PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "scope", "state",
            "code_challenge", "code_challenge_method");

    @EJB
    Consents consents;

    @EJB
    MemberDirectory directory;

    @Inject
    FacesContext faces;

    private AuthorizationRequest request;
    private String refusal;
    private String memberName;

    public void load() {
        Http.noFraming(faces);
        Map<String, String> p = faces.getExternalContext().getRequestParameterMap();
        Map<String, String[]> all = faces.getExternalContext().getRequestParameterValuesMap();
        Optional<String> twice = PARAMETERS.stream().filter(name -> all.containsKey(name) && all.get(name).length > 1).findFirst();
        if (twice.isPresent()) {
            // which of two a reader takes is up to each reader: the site may have meant the other (RFC 6749 §3.1)
            refusal = "The parameter " + twice.get() + " is repeated; an authorization request names each parameter once.";
            Http.status(faces, 400);
            return;
        }
        try {
            request = consents.check(p.get("response_type"), p.get("client_id"), p.get("redirect_uri"), p.get("scope"),
                    p.get("state"), p.get("code_challenge"), p.get("code_challenge_method"), Http.base(faces));
        } catch (AuthorizeException e) {
            if (e.redirectable()) {
                Http.seeOther(faces, Http.withQuery(p.get("redirect_uri"),
                        "error", e.error(), "error_description", e.getMessage(), "state", p.get("state")));
            } else {
                refusal = e.getMessage();
                Http.status(faces, 400);
            }
            return;
        }
        String username = Http.remoteUser(faces);
        memberName = directory.byUsername(username).map(DirectoryEntry::displayName).orElse(username);
    }

    public void approve() {
        String code = consents.approve(request, Http.address(faces));
        Http.seeOther(faces, Http.withQuery(request.redirectUri(), "code", code, "state", request.state()));
    }

    public void reject() {
        Http.seeOther(faces, Http.withQuery(request.redirectUri(), "error", "access_denied", "state", request.state()));
    }

    public AuthorizationRequest getRequest() {
        return request;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getMemberName() {
        return memberName;
    }
}
