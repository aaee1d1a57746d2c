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
     * Whether intranet pages may see and reach this member: the Presence API, directory pages and
     * IM controls anywhere. Only web sharing makes a member visible; a chat control on the
     * profile does not (see {@link #reachableOnProfile()}).
     */
    public boolean visibleOnTheWeb() {
        return enabled && webSharing;
    }

    /**
     * Whether the chat control on the member's own public profile page reaches them, whatever
     * their web sharing: they switched it on, which needs a valid permission token (the flag goes
     * off when the token goes).
     */
    public boolean reachableOnProfile() {
        return enabled && profileChat;
    }
}
