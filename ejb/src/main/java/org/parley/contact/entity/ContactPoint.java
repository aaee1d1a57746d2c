package org.parley.contact.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A named contact point ("IT help desk" at {@code /contact/it-help}): a title, an intro text and an
 * ordered list of members, the first available of whom a visitor reaches. Its name is its address
 * and never changes; a disabled contact point answers "not found" like an unknown one. The rules of
 * its fields live in {@link ContactPointDraft}.
 */
@Entity
@Table(name = "contact_points")
@NamedQuery(name = ContactPoint.ALL, query = "SELECT c FROM ContactPoint c ORDER BY c.name")
public class ContactPoint {

    public static final String ALL = "ContactPoint.all";

    @Id
    @Column(length = ContactPointDraft.NAME_MAX)
    private String name;

    @Column(nullable = false, length = ContactPointDraft.TITLE_MAX)
    private String title;

    @Column(length = ContactPointDraft.INTRO_MAX)
    private String intro;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_point_members", joinColumns = @JoinColumn(name = "contact_point"))
    @OrderColumn(name = "list_order")
    @Column(name = "username", length = 64, nullable = false)
    private List<String> members = new ArrayList<>();

    protected ContactPoint() {
    }

    /** A new contact point from a draft its boundary has checked. */
    public ContactPoint(ContactPointDraft draft, Instant createdAt) {
        this.name = draft.name();
        this.createdAt = createdAt;
        change(draft);
    }

    /** Takes the draft's title, intro, members and state; the name stays. */
    public void change(ContactPointDraft draft) {
        this.title = draft.title();
        this.intro = draft.intro();
        this.enabled = draft.enabled();
        this.members.clear();
        this.members.addAll(draft.members());
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    /** The intro text, empty when there is none. */
    public String getIntro() {
        return intro == null ? "" : intro;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The members' usernames, in the order visitors are routed to them. */
    public List<String> getMembers() {
        return List.copyOf(members);
    }

    /** What the contact point is now, for memory. */
    public ContactPointView view() {
        return new ContactPointView(name, title, getIntro(), enabled, List.copyOf(members));
    }
}
