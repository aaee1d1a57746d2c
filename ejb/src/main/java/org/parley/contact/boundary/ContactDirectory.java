package org.parley.contact.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.contact.control.ContactRouting;
import org.parley.contact.entity.ContactPoint;
import org.parley.contact.entity.ContactPointEvent;
import org.parley.contact.entity.ContactPointView;
import org.parley.messaging.boundary.Conversations;
import org.parley.messaging.boundary.Invitee;
import org.parley.messaging.control.SlidingWindow;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.presence.entity.PresenceStatus;

/**
 * The contact points in memory, so that routing a visitor costs no database query: loaded at
 * start-up and again after every committed change. Routes a visitor who opens a contact point's
 * control to its first available member ({@link ContactRouting}), and counts the messages left
 * per address ({@code parley.limits.contact-messages-per-hour}).
 */
@Singleton
@Startup
@DependsOn({"Storage", "MemberDirectory"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // asked on every visitor's arrival: reads memory only
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ContactDirectory {

    private static final Logger LOG = Logger.getLogger(ContactDirectory.class.getName());
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    MemberDirectory members;

    @EJB
    PresenceRegistry presence;

    @EJB
    Conversations conversations;

    @Inject
    @ConfigProperty(name = "parley.limits.contact-messages-per-hour", defaultValue = "5")
    int messagesPerHour;

    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, ContactPointView> byName = Map.of();
    private final ConcurrentHashMap<String, SlidingWindow> messagesByAddress = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        if (messagesPerHour < 1) {
            throw new IllegalArgumentException("parley.limits.contact-messages-per-hour must be at least 1");
        }
        reload();
        LOG.info(() -> "Contact points loaded: " + byName.size());
    }

    public void refresh(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactPointEvent event) {
        if (event.action() != ContactPointEvent.Action.MESSAGE_LEFT) {
            reload();
        }
    }

    private void reload() {
        byName = em.createNamedQuery(ContactPoint.ALL, ContactPoint.class).getResultList().stream()
                .map(ContactPoint::view).collect(Collectors.toUnmodifiableMap(ContactPointView::name, Function.identity()));
    }

    /** The enabled contact point of this name; an unknown and a disabled one are the same: empty. */
    public Optional<ContactPointView> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name)).filter(ContactPointView::enabled);
    }

    /** Whether a visitor opening the contact point's control now would reach somebody. */
    public boolean anyoneAvailable(String name) {
        return find(name).flatMap(this::pick).isPresent();
    }

    /**
     * The member a visitor who opens the contact point's control reaches now, reached through the
     * contact point; empty when the contact point is unknown or disabled or nobody is available.
     */
    public Optional<Invitee> route(String name) {
        return find(name).flatMap(this::pick).flatMap(member ->
                conversations.inviteeThroughContact(member.cid(), name));
    }

    private Optional<DirectoryEntry> pick(ContactPointView point) {
        return ContactRouting.pick(point.members(), this::status, conversations::openCount)
                .flatMap(members::byUsername);
    }

    private PresenceStatus status(String username) {
        boolean enabled = members.byUsername(username).filter(DirectoryEntry::enabled).isPresent();
        return enabled && presence.reachable(username) ? presence.presenceOf(username).status() : PresenceStatus.OFFLINE;
    }

    /** Counts a message left from {@code address}: zero when allowed, else how long until it is. */
    public Duration admitMessage(String address) {
        return messagesByAddress.computeIfAbsent(address == null ? "" : address,
                a -> new SlidingWindow(messagesPerHour, Duration.ofHours(1), clock)).tryAcquire();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void sweep() {
        if (messagesByAddress.size() > MAX_TRACKED_ADDRESSES) {
            messagesByAddress.values().removeIf(SlidingWindow::idle);
        }
    }
}
