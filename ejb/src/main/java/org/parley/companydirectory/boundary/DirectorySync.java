package org.parley.companydirectory.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.parley.account.entity.MemberCreatedMeanwhileException;
import org.parley.account.entity.Role;
import org.parley.companydirectory.control.CompanyDirectory;
import org.parley.companydirectory.control.DirectoryTrouble;
import org.parley.companydirectory.control.LdapSettings;
import org.parley.companydirectory.control.PersonMapping;
import org.parley.companydirectory.entity.DirectoryPerson;
import org.parley.companydirectory.entity.DirectorySyncRun;
import org.parley.companydirectory.entity.SyncState;
import org.parley.companydirectory.entity.UnusableEntryException;

/**
 * Syncs Parley's members with the company directory: every {@code parley.ldap.sync-interval} (first one
 * interval after the start) and when an admin presses <em>Sync now</em>. A sync lists everyone under the
 * base DN page by page, creates and updates their members (each page one transaction), disables members
 * the directory disabled or no longer has (their sessions end), enables again those it had disabled and
 * who are back, and records a summary the audit trail observes. One entry that cannot be used (an
 * attribute missing, a name Parley cannot take, a person in two places) is counted with its reason and
 * the sync goes on; a directory that stops answering stops the sync, and then nobody is disabled for
 * being gone. One sync runs at a time.
 */
@Singleton
@Startup
@DependsOn("Storage")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each page is its own transaction
public class DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());
    /** Who the scheduled sync is in the audit trail. */
    public static final String SCHEDULE = "directory-sync";

    @Inject
    CompanyDirectory directory;

    @EJB
    DirectorySyncPages pages;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    private final AtomicReference<Instant> runningSince = new AtomicReference<>();

    @PostConstruct
    void schedule() {
        try {
            directory.settings().filter(LdapSettings::hasServiceAccount).ifPresent(settings -> {
                long every = settings.syncInterval().toMillis();
                timers.createIntervalTimer(every, every, new TimerConfig("company directory sync", false));
                LOG.info(() -> "The company directory is synced every " + settings.syncInterval().toString().substring(2)
                        .toLowerCase() + ", the first time one interval after the start");
            });
        } catch (DirectoryTrouble e) {
            LOG.warning(() -> "The company directory is not synced: " + e.getMessage());
        }
    }

    @Timeout
    void scheduled() {
        if (begin()) {
            run(SCHEDULE, null);
        } else {
            LOG.info("The scheduled sync with the company directory is skipped: one is still running");
        }
    }

    /**
     * An admin starts a sync now, from {@code address}; it runs in the background and its summary shows on
     * the admin console when it is done. Answers {@code false} when one is running already.
     */
    @RolesAllowed(Role.ADMIN_GROUP)
    public boolean syncNow(@NotBlank(message = "The caller's address is required.") String address) {
        String admin = context.getCallerPrincipal().getName();
        if (!begin()) {
            return false;
        }
        LOG.info(() -> "Admin '" + admin + "' started a sync with the company directory");
        executor.execute(() -> run(admin, address));
        return true;
    }

    /** The directory, the sync under way and the last one, for the admin console. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public SyncState state() {
        // read before the newest run: a sync stops counting as running only after its run is recorded, so one that
        // ends meanwhile is either still running here or found below (read after, the page could say "not running"
        // and show the run before it)
        Optional<Instant> running = Optional.ofNullable(runningSince.get());
        Optional<LdapSettings> settings;
        Optional<String> problem = Optional.empty();
        try {
            settings = directory.settings();
        } catch (DirectoryTrouble e) {
            settings = Optional.empty();
            problem = Optional.of(e.getMessage());
        }
        Optional<DirectorySyncRun> last = em.createNamedQuery(DirectorySyncRun.NEWEST_FIRST, DirectorySyncRun.class)
                .setMaxResults(1).getResultStream().findFirst();
        return new SyncState(settings.map(LdapSettings::describe), problem,
                settings.filter(LdapSettings::hasServiceAccount).isPresent(),
                settings.map(LdapSettings::syncInterval).orElse(Duration.ZERO), running, last);
    }

    private boolean begin() {
        return runningSince.compareAndSet(null, Instant.now());
    }

    private void run(String actor, String address) {
        DirectorySyncRun run = new DirectorySyncRun(runningSince.get(), actor);
        try {
            Set<String> present = new HashSet<>();
            LdapSettings settings = directory.settings().orElseThrow(
                    () -> new DirectoryTrouble("no company directory is configured (parley.ldap.url)"));
            PersonMapping mapping = new PersonMapping(settings);
            int listed = directory.everyone((entries, admins) -> {
                List<DirectoryPerson> people = new ArrayList<>();
                List<String> unusable = new ArrayList<>();
                entries.forEach(entry -> {
                    try {
                        DirectoryPerson person = mapping.person(entry, admins);
                        present.add(person.account().externalId());
                        people.add(person);
                    } catch (UnusableEntryException e) {
                        unusable.add(e.getMessage());
                    }
                });
                run.add(0, 0, 0, 0, unusable);
                take(people, run, actor);
            });
            run.listed(listed);
            if (listed == 0) {
                run.stoppedBy("the company directory listed nobody under parley.ldap.base-dn=" + settings.baseDn()
                        + " with parley.ldap.user-filter; nobody was disabled");
            } else {
                run.disabledGone(pages.disableGone(present, actor));
            }
        } catch (DirectoryTrouble e) {
            run.stoppedBy(e.getMessage() + "; nobody was disabled for being gone");
        } catch (RuntimeException e) {
            run.stoppedBy("Parley failed while syncing (" + e + "); nobody was disabled for being gone");
            LOG.log(java.util.logging.Level.SEVERE, "The sync with the company directory failed", e);
        } finally {
            run.finish(Instant.now());
            try {
                pages.record(run, actor, address);
            } finally {
                runningSince.set(null);
            }
        }
        if (run.getProblem() == null) {
            LOG.info(() -> "Synced with the company directory: " + run.summary());
        } else {
            LOG.warning(() -> "The sync with the company directory stopped: " + run.summary());
        }
    }

    private void take(List<DirectoryPerson> people, DirectorySyncRun run, String actor) {
        try {
            DirectorySyncPages.Taken taken = pages.take(people, actor);
            run.add(taken.created(), taken.updated(), taken.disabled(), taken.enabled(), taken.failures());
        } catch (EJBException | MemberCreatedMeanwhileException e) {
            Throwable cause = e instanceof EJBException system ? system.getCausedByException() : e;
            String why = "a page of " + people.size() + " people could not be saved (" + cause + ")";
            LOG.log(java.util.logging.Level.WARNING, "The sync with the company directory lost a page: " + why, e);
            run.add(0, 0, 0, 0, people.stream().map(p -> p.dn() + ": " + why).toList());
        }
    }
}
