package org.parley.contact.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.PlainText;
import org.parley.account.entity.Role;
import org.parley.contact.entity.ContactPoint;
import org.parley.contact.entity.ContactPointDraft;
import org.parley.contact.entity.ContactPointEvent;
import org.parley.contact.entity.ContactPointView;
import org.parley.contact.entity.ContactRefusedException;
import org.parley.contact.entity.ContactRefusedException.Reason;
import org.parley.messaging.boundary.OfflineMessages;
import org.parley.messaging.control.TextNormalizer;
import org.parley.messaging.entity.OfflineMessage;
import org.parley.messaging.entity.VisitorIdentity;

/**
 * Contact points: administrators define them (name, title, intro, ordered members, enabled), and
 * visitors who find nobody available leave a message on one, which every member of its list gets
 * as an offline message (handled for all once one of them marks it read). Every change is one
 * transaction and fires a {@link ContactPointEvent} (audited; the {@link ContactDirectory} reloads
 * after the commit).
 */
@Stateless
public class ContactPoints {

    /** Who the audit trail names for a message a visitor left. */
    static final String VISITOR = "visitor";

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    MemberDirectory members;

    @EJB
    ContactDirectory directory;

    @EJB
    OfflineMessages offline;

    @Inject
    Event<ContactPointEvent> events;

    @Resource
    SessionContext context;

    /** Every contact point, enabled or not, by name. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public List<ContactPoint> all() {
        return em.createNamedQuery(ContactPoint.ALL, ContactPoint.class).getResultList();
    }

    /** A new contact point; refused when a rule of {@link ContactPointDraft} does not hold or the name is taken. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public ContactPoint create(@NotNull(message = "A contact point is required.") ContactPointDraft draft, String address) {
        draft.check(this::isEnabledMember);
        if (em.find(ContactPoint.class, draft.name()) != null) {
            throw new ContactRefusedException(Reason.NAME_TAKEN, "There is a contact point named " + draft.name() + " already.");
        }
        ContactPoint point = new ContactPoint(draft, Instant.now());
        try {
            em.persist(point);
            em.flush();
        } catch (PersistenceException e) { // another admin took the name a moment ago
            throw new ContactRefusedException(Reason.NAME_TAKEN, "There is a contact point named " + draft.name() + " already.");
        }
        events.fire(new ContactPointEvent(caller(), point.getName(), ContactPointEvent.Action.CREATED, address,
                describe(draft)));
        return point;
    }

    /** Changes the title, intro, members and state of the contact point {@code draft.name()}. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public ContactPoint update(@NotNull(message = "A contact point is required.") ContactPointDraft draft, String address) {
        draft.check(this::isEnabledMember);
        ContactPoint point = existing(draft.name());
        point.change(draft);
        em.flush();
        events.fire(new ContactPointEvent(caller(), point.getName(), ContactPointEvent.Action.UPDATED, address,
                describe(draft)));
        return point;
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void delete(@NotNull(message = "A name is required.") String name, String address) {
        em.remove(existing(name));
        em.flush();
        events.fire(new ContactPointEvent(caller(), name, ContactPointEvent.Action.DELETED, address, null));
    }

    /**
     * A visitor's message on the enabled contact point {@code name}, for when nobody is available:
     * stored as an offline message for every enabled member of its list. The visitor's name has 1–40
     * characters, the way to answer them (optional) at most 200, the message 1–2,000 (after
     * {@link TextNormalizer} cleaned them); at most {@code parley.limits.contact-messages-per-hour}
     * messages per address in any hour. Answers how many members got it.
     */
    public int leaveMessage(@NotNull(message = "A contact point is required.") String name, String visitorName,
                            String replyTo, String text, String address) {
        ContactPointView point = directory.find(name).orElseThrow(() -> new ContactRefusedException(
                Reason.UNKNOWN_CONTACT_POINT, "There is no such contact point."));
        String visitor = TextNormalizer.nickname(visitorName).orElseThrow(() -> new ContactRefusedException(
                Reason.VISITOR_NAME_INVALID, "A name has 1 to " + TextNormalizer.NAME_MAX + " characters, not all of them invisible."));
        String answerTo = PlainText.clean(replyTo).replace('\n', ' ');
        if (answerTo.codePointCount(0, answerTo.length()) > OfflineMessage.REPLY_TO_MAX) {
            throw new ContactRefusedException(Reason.REPLY_TO_TOO_LONG,
                    "An address to answer to has at most " + OfflineMessage.REPLY_TO_MAX + " characters.");
        }
        String message = TextNormalizer.message(text).orElseThrow(() -> new ContactRefusedException(
                Reason.MESSAGE_INVALID, "A message has 1 to " + TextNormalizer.MESSAGE_MAX + " characters, not all of them invisible."));
        Duration wait = directory.admitMessage(address);
        if (!wait.isZero()) {
            throw new ContactRefusedException(Reason.RATE_LIMITED, "Too many messages from your address.", wait);
        }
        List<String> recipients = point.members().stream()
                .filter(this::isEnabledMember).toList();
        int stored = offline.leaveOnContactPoint(recipients, VisitorIdentity.anonymous(visitor), message, Instant.now(),
                point.name(), point.title(), answerTo.isEmpty() ? null : answerTo).size();
        if (stored == 0) {
            throw new ContactRefusedException(Reason.MAILBOXES_FULL,
                    "Nobody on this contact point can take another message now.", OfflineMessages.MAILBOX_FULL_RETRY_AFTER);
        }
        events.fire(new ContactPointEvent(VISITOR, point.name(), ContactPointEvent.Action.MESSAGE_LEFT, address,
                "for " + stored + " member(s)"));
        return stored;
    }

    private boolean isEnabledMember(String username) {
        return members.byUsername(username).filter(DirectoryEntry::enabled).isPresent();
    }

    /**
     * The contact point {@code name}, its row locked until the transaction ends: two admins' saves of one point at the
     * same moment are made in turn, the later on the list the earlier saved, never a mix of the two lists.
     */
    private ContactPoint existing(String name) {
        return Optional.ofNullable(name).map(n -> em.find(ContactPoint.class, n, LockModeType.PESSIMISTIC_WRITE)).orElseThrow(() ->
                new ContactRefusedException(Reason.UNKNOWN_CONTACT_POINT, "There is no such contact point."));
    }

    private static String describe(ContactPointDraft draft) {
        return (draft.enabled() ? "enabled" : "disabled") + ", members " + String.join(", ", draft.members());
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
