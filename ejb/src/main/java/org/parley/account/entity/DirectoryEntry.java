package org.parley.account.entity;

/** What the rest of Parley needs to know about a member without asking the database. */
public record DirectoryEntry(String username, String cid, String displayName, String title,
                             String personalMessage, boolean webSharing, boolean offlineMessages, boolean enabled) {

    public static DirectoryEntry of(Member member) {
        MemberSettings settings = member.getSettings();
        return new DirectoryEntry(member.getUsername(), member.getCid(), member.getDisplayName(), member.getTitle(),
                settings.getPersonalMessage(), settings.isWebSharing(), settings.isOfflineMessages(), member.isEnabled());
    }

    /** Whether visitors on the intranet web may see and reach this member. */
    public boolean visibleOnTheWeb() {
        return enabled && webSharing;
    }
}
