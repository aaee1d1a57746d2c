package org.parley.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

/** The choices a member makes about being seen and reached (SPEC.md §1, §6). */
@Embeddable
public class MemberSettings {

    public static final int PERSONAL_MESSAGE_MAX = 200;

    @Size(max = PERSONAL_MESSAGE_MAX)
    @Column(name = "personal_message", length = PERSONAL_MESSAGE_MAX)
    private String personalMessage;

    /** Off by default: nobody on the intranet web sees the member until they say so. */
    @Column(name = "web_sharing", nullable = false)
    private boolean webSharing;

    @Column(name = "offline_messages", nullable = false)
    private boolean offlineMessages = true;

    /** Show an IM control on the public profile page (only with a valid parley-directory permission token). */
    @Column(name = "profile_chat", nullable = false)
    private boolean profileChat;

    public MemberSettings() {
    }

    public MemberSettings(String personalMessage, boolean webSharing, boolean offlineMessages, boolean profileChat) {
        this.personalMessage = Member.blankToNull(PlainText.line(personalMessage)); // as the member's clients set it
        this.webSharing = webSharing;
        this.offlineMessages = offlineMessages;
        this.profileChat = profileChat;
    }

    public MemberSettings withWebSharing(boolean sharing) {
        return new MemberSettings(personalMessage, sharing, offlineMessages, profileChat);
    }

    public boolean isProfileChat() {
        return profileChat;
    }

    public String getPersonalMessage() {
        return personalMessage;
    }

    public boolean isWebSharing() {
        return webSharing;
    }

    public boolean isOfflineMessages() {
        return offlineMessages;
    }
}
