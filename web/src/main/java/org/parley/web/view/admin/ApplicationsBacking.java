package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.parley.account.entity.AccountRefusedException;
import org.parley.consent.boundary.Applications;
import org.parley.consent.entity.Application;
import org.parley.web.view.Http;

/**
 * Backs {@code /admin/applications}: register intranet sites, rotate their secrets, change their
 * redirect and privacy URLs, disable and enable them. A secret is shown once, right after it was
 * made, and forgotten at the next action.
 */
@Named
@ViewScoped
public class ApplicationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A secret on screen: the only time anyone sees it. */
    public record ShownSecret(String applicationId, String name, String secret, Instant previousValidUntil)
            implements Serializable {
    }

    @Inject
    Applications applications;

    @Inject
    FacesContext faces;

    private List<Application> all;
    private ShownSecret shown;

    @NotBlank(message = "Enter the site's name.")
    @Size(max = Application.NAME_MAX, message = "A name has at most " + Application.NAME_MAX + " characters.")
    private String name;

    @NotBlank(message = "Enter at least one redirect URL.")
    @Size(max = Application.REDIRECT_URIS_MAX, message = "The redirect URLs have at most "
            + Application.REDIRECT_URIS_MAX + " characters together.")
    private String redirectUris;

    private String privacyUrl;

    /** The application being edited, or null. */
    private String editing;

    @NotBlank(message = "Enter the site's name.")
    @Size(max = Application.NAME_MAX, message = "A name has at most " + Application.NAME_MAX + " characters.")
    private String editName;

    @NotBlank(message = "Enter at least one redirect URL.")
    @Size(max = Application.REDIRECT_URIS_MAX, message = "The redirect URLs have at most "
            + Application.REDIRECT_URIS_MAX + " characters together.")
    private String editRedirectUris;

    private String editPrivacyUrl;

    @PostConstruct
    void load() {
        all = applications.all();
    }

    public void register() {
        act(() -> {
            Applications.Registered registered = applications.register(name, lines(redirectUris), privacyUrl,
                    Http.address(faces));
            Application app = registered.application();
            shown = new ShownSecret(app.getId(), app.getName(), registered.secret(), null);
            name = redirectUris = privacyUrl = null;
            return "Registered " + app.getName() + " with the application ID " + app.getId() + ".";
        });
    }

    public void rotate(Application application) {
        act(() -> {
            String secret = applications.rotateSecret(application.getId(), Http.address(faces));
            shown = new ShownSecret(application.getId(), application.getName(), secret, null);
            return "Made a new secret for " + application.getName() + ".";
        });
        if (shown != null) { // the reloaded list says until when the previous secret works
            all.stream().filter(a -> a.getId().equals(shown.applicationId())).findFirst().ifPresent(a -> shown =
                    new ShownSecret(a.getId(), a.getName(), shown.secret(), a.getPreviousSecretUntil()));
        }
    }

    public void disable(Application application) {
        act(() -> {
            applications.disable(application.getId(), Http.address(faces));
            return "Disabled " + application.getName() + ".";
        });
    }

    public void enable(Application application) {
        act(() -> {
            applications.enable(application.getId(), Http.address(faces));
            return "Enabled " + application.getName() + ".";
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
        act(() -> {
            Application changed = applications.update(editing, editName, lines(editRedirectUris), editPrivacyUrl,
                    Http.address(faces));
            cancelEdit();
            return "Saved " + changed.getName() + ".";
        });
    }

    public void cancelEdit() {
        editing = editName = editRedirectUris = editPrivacyUrl = null;
    }

    private void act(Supplier<String> action) {
        shown = null;
        try {
            faces.addMessage(null, new FacesMessage(action.get()));
            load();
        } catch (AccountRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        if (shown != null) {
            Http.noStore(faces);
        }
    }

    /** A redirect URL field, checked where the admin sees it: not too many URLs, none too long. */
    public void checkRedirectUris(FacesContext context, UIComponent field, Object value) {
        List<String> uris = lines((String) value);
        if (uris.size() > Application.REDIRECT_URIS_COUNT_MAX) {
            throw refused("At most " + Application.REDIRECT_URIS_COUNT_MAX + " redirect URLs.");
        }
        if (uris.stream().anyMatch(uri -> uri.length() > Application.URL_MAX)) {
            throw refused("A redirect URL has at most " + Application.URL_MAX + " characters.");
        }
    }

    private static ValidatorException refused(String message) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public int getRedirectUrisCountMax() {
        return Application.REDIRECT_URIS_COUNT_MAX;
    }

    public List<Application> getAll() {
        return all;
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
