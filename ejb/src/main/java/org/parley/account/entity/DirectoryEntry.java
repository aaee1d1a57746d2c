package org.parley.account.entity;

/**
 * What the rest of Parley needs to know about a member without asking the database. A signed-in
 * session speaks for the member only while they are enabled and their {@code sessionGeneration}
 * is the one the session signed in under; their security groups come from {@code role}.
 */
public record DirectoryEntry(String username, String cid, String displayName, String title, String department,
                             String personalMessage, boolean webSharing, boolean offlineMessages, boolean profileChat,
                             boolean enabled, Role role, int sessionGeneration) {

    public static DirectoryEntry of(Member member) {
        MemberSettings settings = member.getSettings();
        return new DirectoryEntry(member.getUsername(), member.getCid(), member.getDisplayName(), member.getTitle(),
                member.getDepartment(),
                settings.getPersonalMessage(), settings.isWebSharing(), settings.isOfflineMessages(), settings.isProfileChat(),
                member.isEnabled(), member.getRole(), member.getSessionGeneration());
    }

    /**
     * Whether visitors may see and reach this member: they share on the intranet web, or they
     * show a chat control on their public profile (which needs a valid permission token).
     */
    public boolean visibleOnTheWeb() {
        return enabled && (webSharing || profileChat);
    }
}
