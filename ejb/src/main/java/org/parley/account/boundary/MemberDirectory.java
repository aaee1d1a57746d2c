package org.parley.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.account.control.DirectoryIndex;
import org.parley.account.control.Enrolment;
import org.parley.account.entity.Cid;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.DirectoryOrder;
import org.parley.account.entity.DirectoryPage;
import org.parley.account.entity.DirectoryRefreshed;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberChanged;

/**
 * An in-memory view of every member, by CID and by username, so that sockets and the presence
 * API find members without touching the database. Loaded at start-up, refreshed after every
 * committed change ({@link MemberChanged}), after which it fires {@link DirectoryRefreshed}. A rotated
 * CID stops resolving at once.
 */
@Singleton
@Startup
@DependsOn({"Storage", "FirstAdmin"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // read on every frame and request: no transaction to begin and end
public class MemberDirectory {

    private static final Logger LOG = Logger.getLogger(MemberDirectory.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "parley.domain")
    Optional<String> configuredDomain;

    @Inject
    Event<DirectoryRefreshed> refreshed;

    private String domain;
    private final ConcurrentHashMap<String, DirectoryEntry> byUsername = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, DirectoryEntry> byCid = new ConcurrentHashMap<>();

    /** Counts the changes that {@linkplain DirectoryIndex#affects affect} the search index. */
    private final AtomicLong indexChanges = new AtomicLong();
    /** The search index, built after the change it counts; rebuilt by the first search after another. */
    private volatile Indexed indexed;
    private final Object indexLock = new Object();

    private record Indexed(long changes, DirectoryIndex index) {
    }

    @PostConstruct
    void load() {
        domain = configuredDomain.filter(d -> !d.isBlank()).orElseGet(MemberDirectory::hostName);
        em.createNamedQuery(Member.ALL, Member.class).getResultList().forEach(m -> put(DirectoryEntry.of(m)));
        int listed = index().size(); // built now, so that the first search is as quick as every other
        LOG.info(() -> "Member directory loaded: " + byUsername.size() + " members, " + listed + " of them shown to the intranet");
    }

    /** The member with this CID ({@code CID} or {@code CID@DOMAIN}), whatever their settings. */
    public Optional<DirectoryEntry> byCid(String id) {
        return Cid.parse(id).map(byCid::get);
    }

    /** The member's public ID as legacy parameters write it: {@code CID@DOMAIN}. */
    public String publicId(DirectoryEntry member) {
        return member.cid() + "@" + domain;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public Optional<DirectoryEntry> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(Enrolment.normalizeUsername(username)));
    }

    /**
     * The members intranet pages may see (web sharing on, enabled), by display name: the colleagues a
     * member's desktop client lists as contacts. From memory, like every other answer here.
     */
    public List<DirectoryEntry> visibleOnTheWeb() {
        return byUsername.values().stream().filter(DirectoryEntry::visibleOnTheWeb)
                .sorted(Comparator.comparing(DirectoryEntry::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(DirectoryEntry::username))
                .toList();
    }

    /** Every enabled member, by display name: whom an administrator may put on a contact point's list. From memory. */
    public List<DirectoryEntry> enabled() {
        return byUsername.values().stream().filter(DirectoryEntry::enabled)
                .sorted(Comparator.comparing(DirectoryEntry::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(DirectoryEntry::username))
                .toList();
    }

    /**
     * A page of the members intranet pages may see (as {@link #visibleOnTheWeb()}) whose name, title,
     * department or username hold every word of {@code query} (case and accents aside; blank: all of
     * them; only the first {@link DirectoryIndex#MAX_QUERY} characters count), in {@code order}, from
     * {@code first}, at most {@code max}; with the number of matches. One pass over a sorted array in
     * memory: never the database, whatever the query.
     */
    public DirectoryPage search(String query, DirectoryOrder order, boolean descending, int first, int max) {
        DirectoryPage found = index().search(query, order, descending, first, max);
        // the index is rebuilt only for changes to what it shows: give the page the members as they are now
        return new DirectoryPage(found.entries().stream().map(e -> byUsername.get(e.username()))
                .filter(Objects::nonNull).toList(), found.total());
    }

    private DirectoryIndex index() {
        Indexed now = indexed;
        if (now != null && now.changes() == indexChanges.get()) {
            return now.index();
        }
        synchronized (indexLock) {
            now = indexed;
            long changes = indexChanges.get(); // read before the members: a change after it makes the next search rebuild
            if (now == null || now.changes() != changes) {
                now = new Indexed(changes, DirectoryIndex.of(byUsername.values()));
                indexed = now;
            }
            return now.index();
        }
    }

    public void refresh(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberChanged change) {
        em.createNamedQuery(Member.BY_USERNAME, Member.class).setParameter("username", change.username())
                .getResultStream().findFirst().map(DirectoryEntry::of).ifPresent(entry -> {
                    put(entry);
                    refreshed.fire(new DirectoryRefreshed(entry.username()));
                });
    }

    private synchronized void put(DirectoryEntry entry) {
        DirectoryEntry previous = byUsername.put(entry.username(), entry);
        if (previous != null && !previous.cid().equals(entry.cid())) {
            byCid.remove(previous.cid());
        }
        byCid.put(entry.cid(), entry);
        if (DirectoryIndex.affects(previous, entry)) {
            indexChanges.incrementAndGet();
        }
    }
}
