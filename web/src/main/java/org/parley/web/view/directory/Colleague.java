package org.parley.web.view.directory;

import java.io.Serializable;

/** One row of the directory: who, what they do, their status now, and how to chat with them. */
public final class Colleague implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private final String title;
    private final String department;
    private final PresenceBadge badge;
    private final boolean self;
    private final String chatLabel;
    private final String chatAddress;

    Colleague(String username, String displayName, String title, String department, PresenceBadge badge, boolean self,
              String chatLabel, String chatAddress) {
        this.username = username;
        this.displayName = displayName;
        this.title = title;
        this.department = department;
        this.badge = badge;
        this.self = self;
        this.chatLabel = chatLabel;
        this.chatAddress = chatAddress;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getTitle() {
        return title;
    }

    public String getDepartment() {
        return department;
    }

    public PresenceBadge getBadge() {
        return badge;
    }

    /** The member looking at the directory: no chat with themself. */
    public boolean isSelf() {
        return self;
    }

    /** "Chat with NAME", in the page's language. */
    public String getChatLabel() {
        return chatLabel;
    }

    /** The IM control for this colleague, in the page's language, relative to Parley's root. */
    public String getChatAddress() {
        return chatAddress;
    }
}
