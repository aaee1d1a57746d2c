package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Applications;
import org.parley.consent.entity.Application;
import org.parley.web.view.Http;
import org.parley.web.view.Wording;

/**
 * Backs {@code /admin/applications}: find intranet sites by name or application ID and state,
 * register them, rotate their secrets, change their redirect and privacy URLs, disable and enable
 * them. A secret is shown once, right after it was made, and forgotten at the next action.
 */
@Named
@ViewScoped
public class ApplicationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which field of a form a refusal is about, by the refusal's reason. */
    private static final Map<String, String> FIELD_OF_REASON = Map.of(
            "badApplicationName", "name", "noRedirectUrl", "redirectUris", "tooManyRedirectUrls", "redirectUris",
            "redirectUrlsTooLong", "redirectUris", "redirectUrlTooLong", "redirectUris", "badRedirectUrl", "redirectUris",
            "badPrivacyUrl", "privacyUrl");

    /** A secret on screen: the only time anyone sees it. */
    public record ShownSecret(String applicationId, String name, String secret, Instant previousValidUntil)
            implements Serializable {
    }

    @EJB
    Applications applications;

    @Inject
    FacesContext faces;

    @Inject
    Wording wording;

    private List<Application> all;
    private ShownSecret shown;

    /** Part of a name or application ID ({@code ?q=} keeps it in the address). */
    private String query;
    /** {@code enabled}, {@code disabled}, or empty for both ({@code ?state=}). */
    private String state;

    private String name;

    private String redirectUris;

    private String privacyUrl;

    /** The application being edited, or null. */
    private String editing;

    private String editName;

    private String editRedirectUris;

    private String editPrivacyUrl;

    @PostConstruct
    void load() {
        all = applications.all();
    }

    public void register() {
        act("register", () -> {
            Applications.Registered registered = applications.register(name, lines(redirectUris), privacyUrl,
                    Http.address(faces));
            Application app = registered.application();
            shown = new ShownSecret(app.getId(), app.getName(), registered.secret(), null);
            name = redirectUris = privacyUrl = null;
            return AdminText.get(faces, "applications.registered", app.getName(), app.getId());
        });
    }

    public void rotate(Application application) {
        act(null, () -> {
            String secret = applications.rotateSecret(application.getId(), Http.address(faces));
            shown = new ShownSecret(application.getId(), application.getName(), secret, null);
            return AdminText.get(faces, "applications.rotated", application.getName());
        });
        if (shown != null) { // the reloaded list says until when the previous secret works
            all.stream().filter(a -> a.getId().equals(shown.applicationId())).findFirst().ifPresent(a -> shown =
                    new ShownSecret(a.getId(), a.getName(), shown.secret(), a.getPreviousSecretUntil()));
        }
    }

    public void disable(Application application) {
        act(null, () -> {
            applications.disable(application.getId(), Http.address(faces));
            return AdminText.get(faces, "applications.disabled", application.getName());
        });
    }

    public void enable(Application application) {
        act(null, () -> {
            applications.enable(application.getId(), Http.address(faces));
            return AdminText.get(faces, "applications.enabled", application.getName());
        });
    }

    /** Opens the edit form for one application (no change yet). */
    public void edit(Application application) {
        shown = null;
        editing = application.getId();
        editName = application.getName();
        editRedirectUris = String.join("\n", application.getRedirectUris());
        editPrivacyUrl = application.getPrivacyUrl();
    }

    public void saveEdit() {
        act("edit", () -> {
            Application changed = applications.update(editing, editName, lines(editRedirectUris), editPrivacyUrl,
                    Http.address(faces));
            cancelEdit();
            return AdminText.get(faces, "applications.saved", changed.getName());
        });
    }

    public void cancelEdit() {
        editing = editName = editRedirectUris = editPrivacyUrl = null;
    }

    /** Runs an action and says how it went; a refusal goes next to the field of {@code form} it concerns. */
    private void act(String form, Supplier<String> action) {
        shown = null;
        try {
            faces.addMessage(null, new FacesMessage(action.get()));
            load();
        } catch (AccountRefusedException e) {
            String field = form == null ? null : FIELD_OF_REASON.get(e.getReason());
            AdminText.error(faces, field == null ? null : form + ":" + field, AdminText.refusal(faces, e));
        }
        if (shown != null) {
            Http.noStore(faces);
        }
    }

    /** A redirect URL field, checked where the admin sees it: not too many URLs, none too long. */
    public void checkRedirectUris(FacesContext context, UIComponent field, Object value) {
        List<String> uris = lines((String) value);
        if (uris.size() > Application.REDIRECT_URIS_COUNT_MAX) {
            throw refused(AdminText.get(context, "refused.tooManyRedirectUrls", Application.REDIRECT_URIS_COUNT_MAX));
        }
        if (uris.stream().anyMatch(uri -> uri.length() > Application.URL_MAX)) {
            throw refused(AdminText.get(context, "refused.redirectUrlTooLong", Application.URL_MAX));
        }
    }

    private static ValidatorException refused(String message) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String getRedirectUrisHint() {
        return AdminText.get(faces, "applications.redirectUris.hint", Application.REDIRECT_URIS_COUNT_MAX);
    }

    public int getNameMax() {
        return Application.NAME_MAX;
    }

    public int getRedirectUrisMax() {
        return Application.REDIRECT_URIS_MAX;
    }

    /** The applications the filter lets through. */
    public List<Application> getListed() {
        String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return all.stream()
                .filter(a -> wanted.isEmpty() || a.getName().toLowerCase(Locale.ROOT).contains(wanted)
                        || a.getId().toLowerCase(Locale.ROOT).contains(wanted))
                .filter(a -> !"enabled".equals(state) || a.isEnabled())
                .filter(a -> !"disabled".equals(state) || !a.isEnabled())
                .toList();
    }

    /** Until when the previous secret of the one just rotated keeps working, in words. */
    public String getOverlapText() {
        return shown == null || shown.previousValidUntil() == null ? null
                : AdminText.get(faces, "applications.secret.overlap", wording.when(shown.previousValidUntil()));
    }

    /** "3 of 7 applications." */
    public String getCountText() {
        return AdminText.get(faces, "applications.count", getListed().size(), all.size());
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public ShownSecret getShown() {
        return shown;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getPrivacyUrl() {
        return privacyUrl;
    }

    public void setPrivacyUrl(String privacyUrl) {
        this.privacyUrl = privacyUrl;
    }

    public String getEditing() {
        return editing;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditRedirectUris() {
        return editRedirectUris;
    }

    public void setEditRedirectUris(String editRedirectUris) {
        this.editRedirectUris = editRedirectUris;
    }

    public String getEditPrivacyUrl() {
        return editPrivacyUrl;
    }

    public void setEditPrivacyUrl(String editPrivacyUrl) {
        this.editPrivacyUrl = editPrivacyUrl;
    }
}
