package org.parley.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.parley.account.control.Enrolment;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberChanged;
import org.parley.account.entity.Origin;

/**
 * Whether members from a source may still sign in, as their source says at a sync. A member the source
 * disabled, or no longer has, is disabled like by an admin (their sessions end at their next request)
 * and marked as disabled by the source; when the source has them enabled again, only such a member is
 * enabled again, never one an admin disabled; so is such a member whom the source signs in, since it lets them in
 * again. The last enabled administrator stays enabled. Each change is a {@link MemberChanged} and {@link AccountEvent}s
 * with {@code actor} (who ran the sync, or the member signing in); one member's change is a transaction of its own.
 */
@Stateless
public class ExternalMemberStates {

    private static final Logger LOG = Logger.getLogger(ExternalMemberStates.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Enrolment enrolment;

    @Inject
    Event<MemberChanged> changed;

    @Inject
    Event<AccountEvent> accountEvents;

    /** Whether the person with this id at the source is a member. */
    public boolean isMember(@NotNull(message = "Name the source.") Origin origin,
                            @NotBlank(message = "Name the source's id.") String externalId) {
        return byExternalId(origin, externalId).isPresent();
    }

    /**
     * Disables the member the source disabled ({@code why}: in words for the log and audit trail); answers
     * whether anything changed (not when they were disabled already, are no member, or are the last enabled admin).
     * Committed at once, in a transaction of its own that holds only that member's row (after the administrators' rows,
     * for an administrator), for milliseconds: a sign-in of the same member meanwhile waits for it, not for the sync.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean disable(@NotNull(message = "Name the source.") Origin origin,
                           @NotBlank(message = "Name the source's id.") String externalId,
                           @NotBlank(message = "Say why.") String why,
                           @NotBlank(message = "Say who syncs.") String actor) {
        Optional<Member> found = byExternalId(origin, externalId).filter(Member::isEnabled);
        if (found.isEmpty()) {
            return false;
        }
        Member member = found.get();
        if (member.isAdmin()) {
            enrolment.lockAdministrators(); // before the member's row, as every change that may leave none
        }
        em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
        return member.isEnabled() && disable(member, why, actor);
    }

    /**
     * Enables again the member the source had disabled and now lets in (at a sync, or as it signs them in: {@code actor}
     * is who ran the sync, or the member); answers whether anything changed. Committed at once, in a transaction of its
     * own that holds only that member's row, as {@link #disable(Origin, String, String, String)}; of a sync and a sign-in
     * enabling the same member at once, one does it and the other finds it done.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean enable(@NotNull(message = "Name the source.") Origin origin,
                          @NotBlank(message = "Name the source's id.") String externalId,
                          @NotBlank(message = "Say who enables.") String actor) {
        Optional<Member> found = byExternalId(origin, externalId).filter(Member::isDisabledOnlyBySource);
        if (found.isEmpty()) {
            return false;
        }
        Member member = found.get();
        em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
        if (!member.isDisabledOnlyBySource()) {
            return false;
        }
        member.enable();
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> origin.inWords() + " lets '" + member.getUsername() + "' in again: enabled again");
        accountEvents.fire(new AccountEvent(actor, member.getUsername(), AccountEvent.Action.ENABLED, null,
                "by " + origin.inWords()));
        return true;
    }

    /**
     * Disables every enabled member from {@code origin} whose id is not among {@code present} (the source no
     * longer has them); answers how many.
     */
    public int disableAllBut(@NotNull(message = "Name the source.") Origin origin,
                             @NotNull(message = "Name who is present.") Set<String> present,
                             @NotBlank(message = "Say who syncs.") String actor) {
        String why = "gone from " + origin.inWords();
        enrolment.lockAdministrators(); // before any member's row is written, as every change that may leave none
        return (int) em.createNamedQuery(Member.ENABLED_FROM, Member.class).setParameter("origin", origin)
                .getResultStream().filter(m -> !present.contains(m.getExternalId()))
                .filter(m -> disable(m, why, actor)).count();
    }

    private boolean disable(Member member, String why, String actor) {
        if (enrolment.lastEnabledAdmin(member)) {
            LOG.warning(() -> "'" + member.getUsername() + "' is " + why + ", but is the last enabled administrator and stays enabled");
            return false;
        }
        member.disableForSource();
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Disabled '" + member.getUsername() + "': " + why + "; their sessions end now");
        accountEvents.fire(new AccountEvent(actor, member.getUsername(), AccountEvent.Action.DISABLED, null, why));
        accountEvents.fire(new AccountEvent(actor, member.getUsername(), AccountEvent.Action.SESSIONS_ENDED, null,
                "every session, the account is disabled"));
        return true;
    }

    private Optional<Member> byExternalId(Origin origin, String externalId) {
        return em.createNamedQuery(Member.BY_EXTERNAL_ID, Member.class).setParameter("origin", origin)
                .setParameter("externalId", externalId).getResultStream().findFirst();
    }
}
