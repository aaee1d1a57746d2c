package org.parley.web.view.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.account.boundary.Members;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberSettings;
import org.parley.account.entity.Origin;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.Application;
import org.parley.web.i18n.PageLocales;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;
import org.parley.web.view.Wording;

/**
 * Backs {@code /settings}: the signed-in member's own profile and sharing choices, their
 * permission token (the consent for {@code parley-directory}), which the chat control on their
 * public profile needs, and a new CID, taken in two steps because it breaks every old embed.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Members members;

    @EJB
    Consents consents;

    @Inject
    Wording wording;

    @Inject
    FacesContext faces;

    private String username;
    private String cid;
    /** Where the member's account comes from: only a local member's password is changed here. */
    private Origin origin;

    @NotBlank(message = "{parley.settings.displayNameRequired}")
    @Size(max = Member.NAME_MAX, message = "{parley.settings.displayNameTooLong}")
    private String displayName;

    @Size(max = Member.NAME_MAX, message = "{parley.settings.titleTooLong}")
    private String title;

    @Size(max = MemberSettings.PERSONAL_MESSAGE_MAX, message = "{parley.settings.personalMessageTooLong}")
    private String personalMessage;

    /** The language chosen for Parley's pages, a tag of {@link PageLocales#translatedCultures()}; empty: the browser's. */
    private String language;

    private boolean webSharing;
    private boolean offlineMessages;
    private boolean profileChat;

    /** When the member's permission token ends; null when they hold no valid one. */
    private Instant tokenValidUntil;

    /** The member asked for a new CID and is now told what it breaks. */
    private boolean confirmingNewCid;

    @PostConstruct
    void load() {
        show(members.me());
        tokenValidUntil = consents.mine().stream()
                .filter(c -> c.active() && Application.DIRECTORY.equals(c.applicationId()))
                .map(Consents.ConsentView::expiresAt).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Says so when the member just came back from acquiring a permission token. */
    public void announce() {
        if (Boolean.TRUE.equals(faces.getExternalContext().getFlash().get(PermissionTokenFlow.ACQUIRED))
                && tokenValidUntil != null) {
            faces.addMessage(null, Texts.info(faces, "settings.tokenAcquired", wording.when(tokenValidUntil)));
        }
    }

    /** The chat control on the public profile is refused, and the rest saved, without a valid permission token. */
    public void save() {
        boolean refused = profileChat && !consents.hasActiveConsent(username, Application.DIRECTORY);
        String chosen = shipped(language).map(Locale::toLanguageTag).orElse("");
        try {
            show(members.updateMySettings(displayName, title,
                    new MemberSettings(personalMessage, webSharing, offlineMessages, profileChat && !refused), chosen));
        } catch (AccountRefusedException e) { // a name of nothing but control or direction characters, which are dropped
            faces.addMessage("settings:displayName", Texts.error(faces, "settings.displayNameRequired"));
            return;
        }
        // this answer and every page after it in the chosen language (or the browser's again)
        PageLocales.remember(Http.request(faces), chosen);
        faces.getViewRoot().setLocale(faces.getApplication().getViewHandler().calculateLocale(faces));
        faces.addMessage(null, refused ? Texts.error(faces, "settings.profileChatRefused") : Texts.info(faces, "settings.saved"));
    }

    private static Optional<Locale> shipped(String tag) {
        return PageLocales.translatedCultures().stream().filter(l -> l.toLanguageTag().equals(tag)).findFirst();
    }

    public List<Locale> getLanguages() {
        return PageLocales.translatedCultures();
    }

    /** First step: the page says what a new CID breaks; nothing changes yet. */
    public void askForNewCid() {
        confirmingNewCid = true;
    }

    public void keepCid() {
        confirmingNewCid = false;
    }

    /** Second step: the new CID, then the page afresh (a reload must not rotate again). */
    public void rotateCid() throws IOException {
        String fresh = members.rotateMyCid(Http.address(faces));
        faces.addMessage(null, Texts.info(faces, "settings.cidNew", fresh));
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.redirect(external.getRequestContextPath() + "/settings");
    }

    /** Runs the consent flow for {@code parley-directory}: off to the consent page. */
    public void acquireToken() {
        Http.seeOther(faces, PermissionTokenFlow.start(faces));
    }

    private void show(Member me) {
        username = me.getUsername();
        cid = me.getCid();
        origin = me.getOrigin();
        displayName = me.getDisplayName();
        title = me.getTitle();
        personalMessage = me.getSettings().getPersonalMessage();
        webSharing = me.getSettings().isWebSharing();
        offlineMessages = me.getSettings().isOfflineMessages();
        profileChat = me.getSettings().isProfileChat();
        language = me.getLanguage().orElse("");
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getUsername() {
        return username;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getCid() {
        return cid;
    }

    public boolean isConfirmingNewCid() {
        return confirmingNewCid;
    }

    public boolean isTokenValid() {
        return tokenValidUntil != null;
    }

    public Instant getTokenValidUntil() {
        return tokenValidUntil;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPersonalMessage() {
        return personalMessage;
    }

    public void setPersonalMessage(String personalMessage) {
        this.personalMessage = personalMessage;
    }

    public boolean isWebSharing() {
        return webSharing;
    }

    public void setWebSharing(boolean webSharing) {
        this.webSharing = webSharing;
    }

    public boolean isOfflineMessages() {
        return offlineMessages;
    }

    public void setOfflineMessages(boolean offlineMessages) {
        this.offlineMessages = offlineMessages;
    }

    public boolean isProfileChat() {
        return profileChat;
    }

    public void setProfileChat(boolean profileChat) {
        this.profileChat = profileChat;
    }
}
