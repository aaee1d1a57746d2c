package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Consents;
import org.parley.web.view.Http;

/** Backs {@code /admin/consents}: every member's consents, filtered by member or site, and revoked. */
@Named
@ViewScoped
public class ConsentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Consents consents;

    @Inject
    FacesContext faces;

    private List<Consents.ConsentView> all;

    /** Part of a member's username or a site's name or ID ({@code ?q=} keeps it in the address). */
    private String filter;

    @PostConstruct
    void load() {
        all = consents.all();
    }

    public void revoke(Consents.ConsentView consent) {
        try {
            consents.revokeAny(consent.id(), Http.address(faces));
            faces.addMessage(null, new FacesMessage("Revoked the consent of " + consent.member() + " for "
                    + consent.site() + "."));
            load();
        } catch (AccountRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    /** The consents the filter lets through. */
    public List<Consents.ConsentView> getShown() {
        if (filter == null || filter.isBlank()) {
            return all;
        }
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(c -> c.member().toLowerCase(Locale.ROOT).contains(wanted)
                || c.site().toLowerCase(Locale.ROOT).contains(wanted)
                || c.applicationId().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    public int getTotal() {
        return all.size();
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
