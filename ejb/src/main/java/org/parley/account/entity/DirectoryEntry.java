package org.parley.account.entity;

/** What the rest of Parley needs to know about a member without asking the database. */
public record DirectoryEntry(String username, String cid, String displayName, String title, String department,
                             String personalMessage, boolean webSharing, boolean offlineMessages, boolean profileChat,
                             boolean enabled) {

    public static DirectoryEntry of(Member member) {
        MemberSettings settings = member.getSettings();
        return new DirectoryEntry(member.getUsername(), member.getCid(), member.getDisplayName(), member.getTitle(),
                member.getDepartment(),
                settings.getPersonalMessage(), settings.isWebSharing(), settings.isOfflineMessages(), settings.isProfileChat(),
                member.isEnabled());
    }

    /**
     * Whether visitors may see and reach this member: they share on the intranet web, or they
     * show a chat control on their public profile (which needs a valid permission token).
     */
    public boolean visibleOnTheWeb() {
        return enabled && (webSharing || profileChat);
    }
}
