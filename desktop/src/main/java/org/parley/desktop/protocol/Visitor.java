package org.parley.desktop.protocol;

/**
 * Who a conversation is with: an anonymous visitor's nickname, or a verified member's display name
 * with their unique {@code username} (and CID), which is what tells them apart from anyone who took
 * the same name.
 */
public record Visitor(String name, boolean verified, String username, String cid) {

    /** How the client names the visitor: "Ada (verified · ada)" or the nickname alone. */
    public String shown() {
        return verified && username != null ? name + " (verified · " + username + ")" : name;
    }
}
