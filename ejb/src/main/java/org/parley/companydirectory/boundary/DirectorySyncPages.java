package org.parley.companydirectory.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.account.boundary.ExternalMemberStates;
import org.parley.account.boundary.ExternalMembers;
import org.parley.account.entity.Origin;
import org.parley.companydirectory.entity.DirectoryPerson;
import org.parley.companydirectory.entity.DirectorySyncRun;
import org.parley.companydirectory.entity.DirectorySynced;

/**
 * The transactions of a directory sync, one per page of people, so that a sync of thousands neither
 * holds one long transaction nor loses more than a page to one failure; each member a page creates, updates, disables
 * or enables is committed at once, in a transaction of its own ({@code ExternalMembers.provision},
 * {@code ExternalMemberStates}), so that person's sign-in meanwhile does not wait for the page. Used by
 * {@link DirectorySync} only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DirectorySyncPages {

    /** How many runs the console keeps. */
    static final int RUNS_KEPT = 20;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    ExternalMembers externalMembers;

    @EJB
    ExternalMemberStates states;

    @Inject
    Event<DirectorySynced> synced;

    /** What a page did: members created, updated, disabled, enabled again, and each failure with its reason. */
    public record Taken(int created, int updated, int disabled, int enabled, List<String> failures) {
    }

    /**
     * Creates and updates the members of one page of people, disables those the directory disabled and
     * enables again those it let in again, and says what it did (and what failed, and why). A person the
     * directory has disabled and who never was a member is left alone.
     */
    public Taken take(List<DirectoryPerson> people, String actor) {
        int created = 0;
        int updated = 0;
        int disabled = 0;
        int enabled = 0;
        List<String> failures = new ArrayList<>();
        for (DirectoryPerson person : people) {
            String id = person.account().externalId();
            if (person.disabled() && !states.isMember(Origin.LDAP, id)) {
                continue;
            }
            ExternalMembers.Provisioned provisioned = externalMembers.provision(person.account(), actor);
            switch (provisioned.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case CONFLICT, BAD_USERNAME -> failures.add(person.dn() + ": " + provisioned.reason());
                default -> { }
            }
            if (provisioned.member().isEmpty()) {
                continue;
            }
            if (person.disabled()) {
                disabled += states.disable(Origin.LDAP, id, "disabled in the company directory", actor) ? 1 : 0;
            } else {
                enabled += states.enable(Origin.LDAP, id, actor) ? 1 : 0;
            }
        }
        return new Taken(created, updated, disabled, enabled, failures);
    }

    /** Disables every member from the directory whose id is not among {@code present}; answers how many. */
    public int disableGone(Set<String> present, String actor) {
        return states.disableAllBut(Origin.LDAP, present, actor);
    }

    /** Keeps {@code run} (and the last {@value #RUNS_KEPT} before it) and tells the audit trail. */
    public void record(DirectorySyncRun run, String actor, String address) {
        em.persist(run);
        List<DirectorySyncRun> older = em.createNamedQuery(DirectorySyncRun.NEWEST_FIRST, DirectorySyncRun.class)
                .setFirstResult(RUNS_KEPT).getResultList();
        older.forEach(em::remove);
        synced.fire(new DirectorySynced(actor, address, run));
    }
}
