package org.parley.account.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.parley.account.control.Enrolment;
import org.parley.account.control.LogText;
import org.parley.account.control.Passwords;
import org.parley.account.control.SignInThrottle;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Cid;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberChanged;
import org.parley.account.entity.MemberSettings;
import org.parley.account.entity.Role;
import org.parley.account.entity.WrongPasswordException;

/**
 * Members and their sign-in. Self-service methods act on the calling member only; admin
 * methods need the {@code admin} role. Passwords are checked in the same time whether the
 * member exists or not, and repeated failures are slowed down ({@link SignInThrottle}).
 */
@Stateless
public class Members {

    private static final Logger LOG = Logger.getLogger(Members.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    SignInThrottle throttle;

    @Inject
    Enrolment enrolment;

    @Resource
    SessionContext context;

    @Inject
    Event<MemberChanged> changed;

    @Inject
    Event<AccountEvent> accountEvents;

    /** Checks a username and password typed on the sign-in page, from {@code address}. */
    public SignInResult authenticate(String username, char[] password, String address) {
        String name = Enrolment.normalizeUsername(username);
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            LOG.info(() -> "Refused a sign-in for '" + LogText.typed(name) + "' from " + address + ": slowed down for "
                    + wait.get().toSeconds() + " s more after repeated failures");
            return SignInResult.slowedDown(wait.get());
        }
        Optional<Member> member = find(name);
        boolean matches;
        if (member.isEmpty()) {
            passwords.verifyDecoy(password);
            matches = false;
        } else {
            matches = member.get().verifyPassword(password, passwords.hasher());
        }
        if (!matches) {
            throttle.failed(name, address);
            LOG.info(() -> "Failed sign-in for '" + LogText.typed(name) + "' from " + address + ": wrong username or password");
            return SignInResult.refused(SignInResult.Outcome.WRONG_CREDENTIALS);
        }
        Member found = member.get();
        if (!found.isEnabled()) {
            LOG.info(() -> "Refused a sign-in for '" + name + "' from " + address + ": the account is disabled");
            return SignInResult.refused(SignInResult.Outcome.DISABLED);
        }
        throttle.succeeded(name);
        LOG.info(() -> "Member '" + name + "' signed in from " + address);
        return SignInResult.signedIn(found.getUsername(), found.getRole().groups());
    }

    public Optional<Member> find(String username) {
        return em.createNamedQuery(Member.BY_USERNAME, Member.class)
                .setParameter("username", Enrolment.normalizeUsername(username))
                .getResultStream().findFirst();
    }

    /** The calling member. */
    @RolesAllowed(Role.MEMBER_GROUP)
    public Member me() {
        return find(context.getCallerPrincipal().getName())
                .orElseThrow(() -> new AccountRefusedException("Your account no longer exists."));
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public Member updateMySettings(String displayName, String title, MemberSettings settings) {
        Member me = me();
        me.updateProfile(displayName, title, me.getDepartment());
        me.updateSettings(settings);
        changed.fire(new MemberChanged(me.getUsername()));
        return me;
    }

    /**
     * A member's client set a personal message. Called by the member's authenticated socket,
     * which knows who it is; the message is kept for the next time they connect.
     */
    public void savePersonalMessage(String username, String personalMessage) {
        find(username).ifPresent(member -> {
            member.updateSettings(member.getSettings().withPersonalMessage(personalMessage));
            changed.fire(new MemberChanged(member.getUsername()));
        });
    }

    /** The member's permission token for Parley's own pages is gone: the profile no longer shows a chat control. */
    public void stopProfileChat(String username) {
        find(username).filter(m -> m.getSettings().isProfileChat()).ifPresent(member -> {
            MemberSettings s = member.getSettings();
            member.updateSettings(new MemberSettings(s.getPersonalMessage(), s.isWebSharing(), s.isOfflineMessages(), false));
            changed.fire(new MemberChanged(member.getUsername()));
            LOG.info(() -> "Turned off the chat control on the public profile of '" + member.getUsername()
                    + "': they hold no valid permission token any more");
        });
    }

    /**
     * The calling member takes a new CID, from {@code address}: everything embedded with the old one
     * (IM controls, presence badges, links) stops finding them at once. Answers the new CID.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public String rotateMyCid(String address) {
        Member me = me();
        String old = me.getCid();
        me.rotateCid(Cid.unique(RANDOM, enrolment::cidTaken));
        changed.fire(new MemberChanged(me.getUsername()));
        accountEvents.fire(new AccountEvent(me.getUsername(), me.getUsername(), AccountEvent.Action.CID_ROTATED, address,
                "embeds with the old CID " + old + " stop working"));
        return me.getCid();
    }

    /** The member accepted an invitation: web sharing goes on. */
    public void shareOnTheWeb(String username) {
        find(username).ifPresent(member -> {
            member.updateSettings(member.getSettings().withWebSharing(true));
            changed.fire(new MemberChanged(member.getUsername()));
        });
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public void changeMyPassword(char[] current, char[] next) throws WrongPasswordException {
        Member me = me();
        me.changePassword(current, next, passwords.hasher(), Instant.now());
        LOG.info(() -> "Member '" + me.getUsername() + "' changed their password");
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public List<Member> all() {
        return em.createNamedQuery(Member.ALL, Member.class).getResultList();
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public Member create(String username, String displayName, String title, String department,
                         char[] password, Role role) {
        Member member = enrolment.enrol(username, displayName, title, department, password, role);
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' created the " + role.name().toLowerCase() + " '" + member.getUsername() + "'");
        return member;
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void disable(String username) {
        Member member = existing(username);
        if (member.isAdmin() && member.isEnabled() && enabledAdmins() <= 1) {
            throw new AccountRefusedException("'" + member.getUsername() + "' is the last enabled administrator and stays enabled.");
        }
        member.disable();
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' disabled '" + member.getUsername() + "': their sessions end now");
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void enable(String username) {
        Member member = existing(username);
        member.enable();
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' re-enabled '" + member.getUsername() + "'");
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void resetPassword(String username, char[] password) {
        Member member = existing(username);
        member.resetPassword(password, passwords.hasher(), Instant.now());
        LOG.info(() -> "Admin '" + caller() + "' reset the password of '" + member.getUsername() + "'");
    }

    @RolesAllowed(Role.ADMIN_GROUP)
    public void rotateCid(String username) {
        Member member = existing(username);
        member.rotateCid(Cid.unique(RANDOM, enrolment::cidTaken));
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' gave '" + member.getUsername() + "' a new CID");
    }

    long enabledAdmins() {
        return em.createNamedQuery(Member.COUNT_ENABLED_ADMINS, Long.class).getSingleResult();
    }

    private Member existing(String username) {
        return find(username).orElseThrow(() -> new AccountRefusedException("There is no member '" + LogText.typed(username) + "'."));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

}
