package org.parley.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Cid;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberSettings;
import org.parley.account.entity.Role;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;

/** Creates a member with a free username and a fresh, unique CID, inside the caller's transaction. */
@Dependent
public class Enrolment {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    CurrentSettings settings;

    public Member enrol(String username, String displayName, String title, String department, String email,
                        char[] password, Role role) {
        String name = normalizeUsername(username);
        if (name.isEmpty() || name.length() > Member.USERNAME_MAX || !name.matches(Member.USERNAME_PATTERN)) {
            throw new AccountRefusedException("'" + username + "' cannot be a username. " + Member.USERNAME_RULE,
                    "badUsername", LogText.typed(username));
        }
        Member.requireProfile(displayName, title, department);
        if (!em.createNamedQuery(Member.BY_USERNAME, Member.class).setParameter("username", name)
                .getResultList().isEmpty()) {
            throw new AccountRefusedException("The username '" + name + "' is taken.", "usernameTaken", name);
        }
        String cid = Cid.unique(RANDOM, this::cidTaken);
        Member member = new Member(name, displayName, role, cid, password, passwords.hasher(), Instant.now());
        member.updateProfile(displayName, title, department);
        member.changeEmail(email);
        member.updateSettings(newMemberSettings());
        try {
            em.persist(member);
            em.flush();
        } catch (PersistenceException e) { // another admin (or an import) created the username a moment ago
            throw new AccountRefusedException("The username '" + name + "' is taken.", "usernameTaken", name);
        }
        return member;
    }

    /**
     * A new member's settings, however they came (an admin, an import, a source outside Parley): whether they share
     * their presence on the web and take offline messages as {@code parley.members.web-sharing-default} and
     * {@code parley.members.offline-messages-default} are in effect now.
     */
    public MemberSettings newMemberSettings() {
        return new MemberSettings(null, settings.now().flag(Setting.WEB_SHARING_DEFAULT),
                settings.now().flag(Setting.OFFLINE_MESSAGES_DEFAULT), false);
    }

    /**
     * Whether {@code member} is the last enabled administrator, who stays enabled and an administrator. The enabled
     * administrators' rows are locked first ({@link #lockAdministrators()}) and counted after the lock, so two admins
     * disabling or demoting each other at the same moment are judged one after the other: the second sees the first's
     * change and keeps its target, rather than both counting two and leaving none.
     */
    public boolean lastEnabledAdmin(Member member) {
        if (!member.isAdmin() || !member.isEnabled()) {
            return false;
        }
        lockAdministrators();
        return em.createNamedQuery(Member.COUNT_ENABLED_ADMINS, Long.class).getSingleResult() <= 1;
    }

    /**
     * Locks the enabled administrators' rows until the transaction ends, in username order (the same order for every
     * caller, so two callers never hold one each and wait for the other). A caller about to disable or demote a member
     * takes these before it locks or writes any member's row; locking one it already holds waits for nothing. What the
     * transaction changed so far is written first, so the rows read back are the ones it sees.
     */
    public void lockAdministrators() {
        em.createNamedQuery(Member.ENABLED_ADMINS, Member.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public boolean cidTaken(String cid) {
        return em.createNamedQuery(Member.COUNT_BY_CID, Long.class).setParameter("cid", cid).getSingleResult() > 0;
    }

    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
