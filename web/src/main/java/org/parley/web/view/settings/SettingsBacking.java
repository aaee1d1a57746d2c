package org.parley.web.view.settings;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.parley.account.boundary.Members;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberSettings;

/** Backs {@code /settings}: the signed-in member's own profile and sharing choices. */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Members members;

    @Inject
    FacesContext faces;

    private String username;
    private String cid;

    @NotBlank(message = "Enter a display name.")
    @Size(max = Member.NAME_MAX, message = "A display name has at most " + Member.NAME_MAX + " characters.")
    private String displayName;

    @Size(max = Member.NAME_MAX, message = "A title has at most " + Member.NAME_MAX + " characters.")
    private String title;

    @Size(max = MemberSettings.PERSONAL_MESSAGE_MAX,
            message = "A personal message has at most " + MemberSettings.PERSONAL_MESSAGE_MAX + " characters.")
    private String personalMessage;

    private boolean webSharing;
    private boolean offlineMessages;
    private boolean profileChat;

    @PostConstruct
    void load() {
        show(members.me());
    }

    public void save() {
        show(members.updateMySettings(displayName, title,
                new MemberSettings(personalMessage, webSharing, offlineMessages, profileChat)));
        faces.addMessage(null, new FacesMessage("Your settings are saved."));
    }

    private void show(Member me) {
        username = me.getUsername();
        cid = me.getCid();
        displayName = me.getDisplayName();
        title = me.getTitle();
        personalMessage = me.getSettings().getPersonalMessage();
        webSharing = me.getSettings().isWebSharing();
        offlineMessages = me.getSettings().isOfflineMessages();
        profileChat = me.getSettings().isProfileChat();
    }

    public String getUsername() {
        return username;
    }

    public String getCid() {
        return cid;
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
