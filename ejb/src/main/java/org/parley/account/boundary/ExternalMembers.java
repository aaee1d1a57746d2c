package org.parley.account.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.parley.account.control.Enrolment;
import org.parley.account.control.LogText;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.Cid;
import org.parley.account.entity.ExternalAccount;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberChanged;
import org.parley.account.entity.MemberCreatedMeanwhileException;
import org.parley.account.entity.Origin;
import org.parley.account.entity.Role;

/**
 * Members whose accounts come from a source outside Parley: the company directory (LDAP) or an
 * OpenID provider. The source has already checked who the person is; here they become a member on
 * their first sign-in, and their profile (and, where the source says so, their role) follows the
 * source on every sign-in and sync. A member is matched by the source's lasting id, never by name
 * alone: a username that already belongs to another member (a local one, or one from another
 * source or with another id) is refused as a person in two places, and stays theirs. Members keep
 * their CID, settings and consents whatever the source changes.
 */
@Stateless
public class ExternalMembers {

    private static final Logger LOG = Logger.getLogger(ExternalMembers.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Enrolment enrolment;

    @EJB
    ExternalMemberStates states;

    @Inject
    Event<MemberChanged> changed;

    @Inject
    Event<AccountEvent> accountEvents;

    /** What became of a person from a source. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, CONFLICT, BAD_USERNAME }

    /**
     * The member for {@code account}, created or brought up to date, with what was done; a person in
     * two places or with a name Parley cannot take has no member ({@code member} empty).
     */
    public record Provisioned(Outcome outcome, Optional<Member> member, String reason) {
    }

    /**
     * The person {@code account} describes, whom its source has just signed in from {@code address},
     * signs in to Parley: created on their first sign-in, their profile taken from the source.
     * A member disabled in Parley by an admin stays refused; one disabled because the source had disabled them (or no
     * longer had them) is enabled again, since the source lets them in again.
     */
    public SignInResult signIn(@NotNull(message = "Name the account.") ExternalAccount account,
                               @NotBlank(message = "The caller's address is required.") String address) {
        Provisioned provisioned = provision(account, address);
        String name = LogText.typed(Enrolment.normalizeUsername(account.username()));
        if (provisioned.member().isEmpty()) {
            LOG.warning(() -> "Refused a sign-in through " + account.origin().inWords() + " for '" + name + "' from "
                    + address + ": " + provisioned.reason());
            accountEvents.fire(new AccountEvent(name, name, AccountEvent.Action.SIGN_IN_REFUSED, address,
                    provisioned.reason()));
            return SignInResult.refused(provisioned.outcome() == Outcome.CONFLICT
                    ? SignInResult.Outcome.ACCOUNT_CONFLICT : SignInResult.Outcome.WRONG_CREDENTIALS);
        }
        Member member = provisioned.member().get();
        if (member.isDisabledOnlyBySource()) { // the source that disabled them lets them in again
            states.enable(account.origin(), account.externalId(), member.getUsername());
            em.refresh(member); // enabled in a transaction of its own, by this sign-in or by a sync at the same moment
        }
        if (!member.isEnabled()) {
            LOG.info(() -> "Refused a sign-in through " + account.origin().inWords() + " for '" + member.getUsername()
                    + "' from " + address + ": the account is disabled in Parley");
            accountEvents.fire(new AccountEvent(member.getUsername(), member.getUsername(),
                    AccountEvent.Action.SIGN_IN_REFUSED, address, "the account is disabled"));
            return SignInResult.refused(SignInResult.Outcome.DISABLED);
        }
        LOG.info(() -> "Member '" + member.getUsername() + "' signed in through " + account.origin().inWords()
                + " from " + address);
        accountEvents.fire(new AccountEvent(member.getUsername(), member.getUsername(), AccountEvent.Action.SIGNED_IN,
                address, "through " + account.origin().inWords()));
        return SignInResult.signedIn(member.getUsername(), member.getRole().groups(), member.getSessionGeneration());
    }

    /**
     * Creates or updates the member for {@code account} (a sign-in or a directory sync; {@code actor} is who did it for
     * the audit trail: the member's address on sign-in, the sync otherwise). Every write is committed at once, in a
     * transaction of its own that holds only that member's row, for milliseconds ({@link #createAlone},
     * {@link #updateAlone}): no sync page or sign-in holds a member's row for another sign-in or sync of the same person
     * to wait on or to fail against. When that other one created the member first, this one goes on with it; a member
     * the source has not changed is not written at all.
     */
    public Provisioned provision(@NotNull(message = "Name the account.") ExternalAccount account,
                                 @NotBlank(message = "Say who provisions.") String actor) {
        Optional<Member> known = known(account);
        if (known.isPresent()) {
            return updated(known.get(), account, actor);
        }
        try {
            return context.getBusinessObject(ExternalMembers.class).createAlone(account, actor);
        } catch (MemberCreatedMeanwhileException e) {
            LOG.info(() -> "'" + LogText.typed(Enrolment.normalizeUsername(account.username())) + "' from "
                    + account.origin().inWords() + " was made a member twice at the same moment (sign-ins or a sync);"
                    + " the one by " + actor + " goes on with the member the other one created");
            Optional<Member> meanwhile = known(account);
            return meanwhile.isPresent() ? updated(meanwhile.get(), account, actor) : create(account, actor);
        }
    }

    /**
     * {@code member} as {@code account} has it, written by {@link #updateAlone} if anything differs; the caller's copy is
     * then read again, so that what its transaction goes on to write is on top of the update.
     */
    private Provisioned updated(Member member, ExternalAccount account, String actor) {
        boolean roleDiffers = account.admin() != null && account.admin() != member.isAdmin();
        if (!roleDiffers && member.profileChangesFrom(account).isEmpty()) {
            return new Provisioned(Outcome.UNCHANGED, Optional.of(member), null);
        }
        Provisioned provisioned = context.getBusinessObject(ExternalMembers.class).updateAlone(account, actor);
        if (provisioned.member().isPresent()) {
            em.refresh(member);
        }
        return new Provisioned(provisioned.outcome(), provisioned.member().map(m -> member), provisioned.reason());
    }

    /**
     * Brings the member for {@code account} up to date in a transaction of its own, holding their row (after the
     * administrators' rows, when the source takes the role of an enabled administrator: the one order every change
     * that may leave none takes) for {@link #provision}; a sign-in that changes the same member meanwhile, or an admin's
     * or the member's own save, waits for it or it for them, and neither fails on the other.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Provisioned updateAlone(@NotNull(message = "Name the account.") ExternalAccount account,
                                   @NotBlank(message = "Say who provisions.") String actor) {
        Optional<Member> known = known(account);
        if (known.isEmpty()) { // gone meanwhile (removed by an admin): not made again from here
            return new Provisioned(Outcome.CONFLICT, Optional.empty(), "the member was removed meanwhile");
        }
        Member member = known.get();
        if (Boolean.FALSE.equals(account.admin()) && member.isAdmin() && member.isEnabled()) {
            enrolment.lockAdministrators(); // before the member's row, as every change that may leave none
        }
        em.refresh(member, LockModeType.PESSIMISTIC_WRITE);
        return update(member, account, actor);
    }

    /**
     * Creates the member for {@code account} in a transaction of its own, for {@link #provision}; when another sign-in
     * or sync created it a moment ago, fails with {@link MemberCreatedMeanwhileException} and leaves it to the caller.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Provisioned createAlone(@NotNull(message = "Name the account.") ExternalAccount account,
                                   @NotBlank(message = "Say who provisions.") String actor) {
        if (known(account).isPresent()) {
            throw new MemberCreatedMeanwhileException(Enrolment.normalizeUsername(account.username()), null);
        }
        return create(account, actor);
    }

    private Optional<Member> known(ExternalAccount account) {
        return em.createNamedQuery(Member.BY_EXTERNAL_ID, Member.class)
                .setParameter("origin", account.origin()).setParameter("externalId", account.externalId())
                .getResultStream().findFirst();
    }

    private Provisioned create(ExternalAccount account, String actor) {
        String username = Enrolment.normalizeUsername(account.username());
        if (username.isEmpty() || username.length() > Member.USERNAME_MAX || !username.matches(Member.USERNAME_PATTERN)) {
            return new Provisioned(Outcome.BAD_USERNAME, Optional.empty(), "'" + LogText.typed(account.username())
                    + "' from " + account.origin().inWords() + " cannot be a Parley username. " + Member.USERNAME_RULE);
        }
        Optional<Member> sameName = em.createNamedQuery(Member.BY_USERNAME, Member.class)
                .setParameter("username", username).getResultStream().findFirst();
        if (sameName.isPresent()) {
            Member other = sameName.get();
            if (other.getOrigin() == account.origin() && account.externalId().equals(other.getExternalId())) {
                // the same person, made a member by another sign-in or sync that committed after this one looked
                throw new MemberCreatedMeanwhileException(username, null);
            }
            return new Provisioned(Outcome.CONFLICT, Optional.empty(), "the username '" + username + "' already belongs to "
                    + (other.isLocal() ? "a local Parley member" : "another person from " + other.getOrigin().inWords())
                    + ", so " + account.origin().inWords() + "'s " + LogText.typed(account.externalId())
                    + " is a person in two places; rename one of them or remove the local member");
        }
        Role role = Boolean.TRUE.equals(account.admin()) ? Role.ADMIN : Role.MEMBER;
        Member member = Member.from(account, username, role, Cid.unique(RANDOM, enrolment::cidTaken), Instant.now());
        member.updateSettings(enrolment.newMemberSettings());
        try {
            em.persist(member);
            em.flush();
        } catch (PersistenceException e) { // another sign-in or sync of the same person created it a moment ago
            throw new MemberCreatedMeanwhileException(username, e);
        }
        changed.fire(new MemberChanged(username));
        LOG.info(() -> "Created the " + role.word() + " '" + username + "' from " + account.origin().inWords());
        accountEvents.fire(new AccountEvent(actor, username, AccountEvent.Action.CREATED, null,
                "as " + role.word() + ", from " + account.origin().inWords()));
        return new Provisioned(Outcome.CREATED, Optional.of(member), null);
    }

    private Provisioned update(Member member, ExternalAccount account, String actor) {
        if (Boolean.FALSE.equals(account.admin()) && member.isAdmin() && member.isEnabled()) {
            enrolment.lockAdministrators(); // before the member's row is written, as every change that may leave none
        }
        List<String> changes = member.takeProfileFrom(account);
        if (account.admin() != null) {
            Role role = account.admin() ? Role.ADMIN : Role.MEMBER;
            if (role != member.getRole()) {
                if (enrolment.lastEnabledAdmin(member)) {
                    LOG.warning(() -> account.origin().inWords() + " no longer makes '" + member.getUsername()
                            + "' an administrator, but they are the last enabled one and stay one");
                } else {
                    member.changeRole(role);
                    changes.add("role (now " + role.word() + ")");
                }
            }
        }
        if (changes.isEmpty()) {
            return new Provisioned(Outcome.UNCHANGED, Optional.of(member), null);
        }
        changed.fire(new MemberChanged(member.getUsername()));
        String what = String.join(", ", changes);
        LOG.info(() -> account.origin().inWords() + " changed the " + what + " of '" + member.getUsername() + "'");
        accountEvents.fire(new AccountEvent(actor, member.getUsername(), AccountEvent.Action.EDITED, null,
                what + ", from " + account.origin().inWords()));
        return new Provisioned(Outcome.UPDATED, Optional.of(member), null);
    }
}
