package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.Scope;
import org.parley.web.view.Http;

/**
 * Backs {@code /admin/consents}: every member's consents, filtered by member, application and scope,
 * and revoked one at a time. The filters are view parameters too ({@code ?member=ada&scope=presence};
 * {@code ?q=} finds a member or an application).
 */
@Named
@ViewScoped
public class ConsentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Consents consents;

    @Inject
    FacesContext faces;

    private List<Consents.ConsentView> all;

    private String member;
    private String application;
    /** A scope's value ({@code presence}, {@code chat.signin}), or empty for any. */
    private String scope;
    /** Part of a member's username or an application's name or ID. */
    private String filter;

    @PostConstruct
    void load() {
        all = consents.all();
    }

    public void revoke(Consents.ConsentView consent) {
        try {
            consents.revokeAny(consent.id(), Http.address(faces));
            AdminText.info(faces, "consents.revoked", consent.member(), consent.site());
            load();
        } catch (AccountRefusedException e) {
            AdminText.error(faces, null, AdminText.refusal(faces, e));
        }
    }

    /** The consents the filters let through. */
    public List<Consents.ConsentView> getShown() {
        String anyText = lower(filter);
        String memberText = lower(member);
        String applicationText = lower(application);
        return all.stream()
                .filter(c -> anyText.isEmpty() || lower(c.member()).contains(anyText) || lower(c.site()).contains(anyText)
                        || lower(c.applicationId()).contains(anyText))
                .filter(c -> memberText.isEmpty() || lower(c.member()).contains(memberText))
                .filter(c -> applicationText.isEmpty() || lower(c.site()).contains(applicationText)
                        || lower(c.applicationId()).contains(applicationText))
                .filter(c -> scope == null || scope.isEmpty() || c.scopes().stream().anyMatch(s -> s.value().equals(scope)))
                .toList();
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The scopes a filter can choose. */
    public List<Scope> getScopes() {
        return List.of(Scope.values());
    }

    /** What a consent's scopes allow, in the page's words. */
    public String scopesInWords(java.util.Collection<Scope> scopes) {
        return scopes.stream().sorted().map(s -> AdminText.get(faces, "scope." + s.value()))
                .collect(Collectors.joining("; "));
    }

    /** "3 of 7 consents." */
    public String getCountText() {
        return AdminText.get(faces, "consents.count", getShown().size(), all.size());
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getApplication() {
        return application;
    }

    public void setApplication(String application) {
        this.application = application;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
