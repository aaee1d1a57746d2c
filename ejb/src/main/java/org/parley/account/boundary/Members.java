package org.parley.account.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.persistence.TypedQuery;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.parley.account.control.Enrolment;
import org.parley.storage.control.Like;
import org.parley.account.control.LogText;
import org.parley.account.control.MemberCsv;
import org.parley.account.control.PasswordSource;
import org.parley.account.control.Passwords;
import org.parley.account.control.SignInThrottle;
import org.parley.account.entity.AccountEvent;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Cid;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberChanged;
import org.parley.account.entity.MemberImport;
import org.parley.account.entity.MemberSettings;
import org.parley.account.entity.Origin;
import org.parley.account.entity.Role;
import org.parley.account.entity.WrongPasswordException;

/**
 * Members and their sign-in. Self-service methods act on the calling member only; admin
 * methods need the {@code admin} role. Passwords are checked in the same time whether the
 * member exists or not, and repeated failures are slowed down ({@link SignInThrottle}).
 * {@link #authenticate} is the one entry for every password sign-in: a local member's password is
 * checked here; any other name goes to the company directory when one is configured
 * ({@link PasswordSource}), under the same slow-down, decoy timing and audit.
 * Every sign-in (or refusal), sign-out and change to an account fires an {@link AccountEvent}
 * in the transaction that did it, which the audit trail records; {@code address} parameters
 * are the caller's address, for that record.
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

    @Inject
    Instance<PasswordSource> sources;

    @EJB
    ExternalMembers externalMembers;

    @Resource
    SessionContext context;

    @Inject
    Event<MemberChanged> changed;

    @Inject
    Event<AccountEvent> accountEvents;

    /**
     * Checks a username and password typed on the sign-in page, from {@code address}. A member
     * signs in only with the right password, while enabled and not slowed down; every attempt is
     * audited, a refused one with its reason, but those refused while slowed down once a minute at most per address,
     * with how many. A local member (the first admin among them) is always
     * checked here, whether the company directory answers or not; a name that is no local member is
     * checked by the directory when one is configured.
     */
    public SignInResult authenticate(@NotNull(message = "A username is required.") String username,
                                     @NotNull(message = "A password is required.") char[] password,
                                     @NotBlank(message = "The caller's address is required.") String address) {
        String name = Enrolment.normalizeUsername(username);
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            long refused = throttle.refusedWhileSlowed(address);
            if (refused > 0) {
                String more = refused == 1 ? "" : "; " + refused + " sign-ins refused so since the last such entry";
                LOG.info(() -> "Refused a sign-in for '" + LogText.typed(name) + "' from " + address + ": slowed down for "
                        + wait.get().toSeconds() + " s more after repeated failures" + more
                        + " (such refusals are noted once a minute at most per address)");
                refusedSignIn(name, address, "slowed down for " + wait.get().toSeconds() + " s after repeated failures" + more);
            }
            return SignInResult.slowedDown(wait.get());
        }
        Optional<Member> member = find(name);
        Optional<PasswordSource> source = member.isEmpty() || member.get().getOrigin() == Origin.LDAP
                ? sources.stream().filter(PasswordSource::configured).findFirst() : Optional.empty();
        if (source.isPresent()) {
            return throughSource(source.get(), name, password, address);
        }
        boolean matches;
        if (member.isEmpty() || !member.get().isLocal()) {
            passwords.verifyDecoy(password);
            matches = false;
        } else {
            matches = member.get().verifyPassword(password, passwords.hasher());
        }
        if (!matches) {
            throttle.failed(name, address);
            LOG.info(() -> "Failed sign-in for '" + LogText.typed(name) + "' from " + address + ": wrong username or password");
            refusedSignIn(name, address, "wrong username or password");
            return SignInResult.refused(SignInResult.Outcome.WRONG_CREDENTIALS);
        }
        Member found = member.get();
        if (!found.isEnabled()) {
            LOG.info(() -> "Refused a sign-in for '" + name + "' from " + address + ": the account is disabled");
            refusedSignIn(name, address, "the account is disabled");
            return SignInResult.refused(SignInResult.Outcome.DISABLED);
        }
        throttle.succeeded(name);
        LOG.info(() -> "Member '" + name + "' signed in from " + address);
        accountEvents.fire(new AccountEvent(name, name, AccountEvent.Action.SIGNED_IN, address, null));
        return SignInResult.signedIn(found.getUsername(), found.getRole().groups(), found.getSessionGeneration());
    }

    private SignInResult throughSource(PasswordSource source, String name, char[] password, String address) {
        PasswordSource.Verdict verdict = source.check(name, password);
        String typed = LogText.typed(name);
        switch (verdict.kind()) {
            case SIGNED_IN -> {
                throttle.succeeded(name);
                return externalMembers.signIn(verdict.account(), address);
            }
            case DISABLED -> {
                LOG.info(() -> "Refused a sign-in for '" + typed + "' from " + address + ": " + verdict.reason());
                refusedSignIn(name, address, verdict.reason());
                return SignInResult.refused(SignInResult.Outcome.DISABLED);
            }
            case TWO_PLACES -> {
                LOG.warning(() -> "Refused a sign-in for '" + typed + "' from " + address + ": " + verdict.reason());
                refusedSignIn(name, address, verdict.reason());
                return SignInResult.refused(SignInResult.Outcome.ACCOUNT_CONFLICT);
            }
            case UNAVAILABLE -> {
                LOG.warning(() -> "Could not check the sign-in for '" + typed + "' from " + address + ": "
                        + verdict.reason() + "; local members can still sign in");
                refusedSignIn(name, address, verdict.reason());
                return SignInResult.refused(SignInResult.Outcome.SOURCE_UNAVAILABLE);
            }
            default -> {
                if (verdict.kind() == PasswordSource.Verdict.Kind.UNKNOWN) {
                    passwords.verifyDecoy(password); // as slow as a wrong password: the answer tells nobody who exists
                }
                throttle.failed(name, address);
                LOG.info(() -> "Failed sign-in for '" + typed + "' from " + address
                        + ": wrong username or password (checked by the company directory)");
                refusedSignIn(name, address, "wrong username or password");
                return SignInResult.refused(SignInResult.Outcome.WRONG_CREDENTIALS);
            }
        }
    }

    private void refusedSignIn(String typedName, String address, String reason) {
        String name = LogText.typed(typedName);
        accountEvents.fire(new AccountEvent(name, name, AccountEvent.Action.SIGN_IN_REFUSED, address, reason));
    }

    /** The calling member signs out, from {@code address}; the web tier then ends the session. */
    @RolesAllowed(Role.MEMBER_GROUP)
    public void signOut(@NotBlank(message = "The caller's address is required.") String address) {
        String me = caller();
        LOG.info(() -> "Member '" + me + "' signed out from " + address);
        accountEvents.fire(new AccountEvent(me, me, AccountEvent.Action.SIGNED_OUT, address, null));
    }

    public Optional<Member> find(String username) {
        return byUsername(username).getResultStream().findFirst();
    }

    /** The calling member. */
    @RolesAllowed(Role.MEMBER_GROUP)
    public Member me() {
        return find(caller()).orElseThrow(Members::accountGone);
    }

    /**
     * Holds the calling member's row until the transaction ends, for a change of theirs kept by another component
     * (approving a site): the same change from several tabs at the same moment is then made in turn, each on what the
     * one before saved.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public void takeMyTurn() {
        myRow();
    }

    /** The calling member's row, locked until the transaction ends ({@link #locked}). */
    private Member myRow() {
        return locked(caller()).orElseThrow(Members::accountGone);
    }

    private static AccountRefusedException accountGone() {
        return new AccountRefusedException("Your account no longer exists.");
    }

    private TypedQuery<Member> byUsername(String username) {
        return em.createNamedQuery(Member.BY_USERNAME, Member.class)
                .setParameter("username", Enrolment.normalizeUsername(username));
    }

    /**
     * A member's row, read and locked until the transaction ends. Every change of a member made here (their own
     * settings, password and CID; an admin's edits; an accepted invitation; the profile's chat control turned off)
     * reads the row this way, so that two changes of one member at the same moment (two tabs, two admins) wait for each
     * other and are each made in turn, the later one on what the earlier one saved, as they would be a second apart.
     * Read without the lock, both would see the same version of the row and the later one would fail on it when its
     * transaction ends.
     */
    private Optional<Member> locked(String username) {
        return byUsername(username).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * The signed-in member saves their settings page: name, title, what they share, and the language
     * of Parley's pages (blank follows the browser), in one transaction. Saves from two tabs at the
     * same moment are made in turn on the locked row; the later one stays.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public Member updateMySettings(String displayName, String title, MemberSettings settings,
                                   @Size(max = Member.LANGUAGE_MAX, message = "Choose one of the languages offered.")
                                   @Pattern(regexp = "|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                                           message = "Choose one of the languages offered.") String languageTag) {
        Member me = myRow();
        me.updateProfile(displayName, title, me.getDepartment());
        me.updateSettings(settings);
        me.chooseLanguage(languageTag);
        changed.fire(new MemberChanged(me.getUsername()));
        return me;
    }

    /**
     * A member's client set a personal message (null or blank: none). Called by the member's authenticated
     * socket, which knows who it is; the message is kept for the next time they connect. Written by one
     * statement, so several clients of one member setting it at the same moment are each saved in turn
     * (the last one stays) rather than refused for a changed row; a settings page open meanwhile still
     * finds the row changed.
     */
    public void savePersonalMessage(@NotBlank String username,
                                    @Size(max = MemberSettings.PERSONAL_MESSAGE_MAX) String personalMessage) {
        String message = Member.blankToNull(personalMessage);
        int saved = em.createNamedQuery(Member.SET_PERSONAL_MESSAGE).setParameter("message", message)
                .setParameter("username", username).executeUpdate();
        if (saved > 0) {
            changed.fire(new MemberChanged(username));
        }
    }

    /** The member's permission token for Parley's own pages is gone: the profile no longer shows a chat control. */
    public void stopProfileChat(String username) {
        locked(username).filter(m -> m.getSettings().isProfileChat()).ifPresent(member -> {
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
    public String rotateMyCid(@NotBlank(message = "The caller's address is required.") String address) {
        Member me = myRow();
        String old = me.getCid();
        me.rotateCid(Cid.unique(RANDOM, enrolment::cidTaken));
        changed.fire(new MemberChanged(me.getUsername()));
        audit(me, AccountEvent.Action.CID_ROTATED, address, "embeds with the old CID " + old + " stop working");
        return me.getCid();
    }

    /** The member accepted an invitation: web sharing goes on. */
    public void shareOnTheWeb(String username) {
        locked(username).ifPresent(member -> {
            member.updateSettings(member.getSettings().withWebSharing(true));
            changed.fire(new MemberChanged(member.getUsername()));
        });
    }

    /**
     * Changes the calling member's password, only against the current one. Every other session
     * of the member ends; the answer is the member's new session generation, which the session
     * that made the change takes on so that it stays signed in.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public int changeMyPassword(@NotNull(message = "Enter your current password.") char[] current,
                                @NotNull(message = "Enter a new password.") char[] next,
                                @NotBlank(message = "The caller's address is required.") String address)
            throws WrongPasswordException {
        Member me = myRow();
        me.changePassword(current, next, passwords.hasher(), Instant.now());
        changed.fire(new MemberChanged(me.getUsername()));
        String name = me.getUsername();
        LOG.info(() -> "Member '" + name + "' changed their password: their other sessions end now");
        accountEvents.fire(new AccountEvent(name, name, AccountEvent.Action.PASSWORD_CHANGED, address, null));
        accountEvents.fire(new AccountEvent(name, name, AccountEvent.Action.SESSIONS_ENDED, address,
                "every other session, after a password change"));
        return me.getSessionGeneration();
    }

    /**
     * The members whose username, display name, title or department contains {@code text} (in any
     * case; {@code %}, {@code _} and every other character match only themselves), in the order of
     * {@code sortBy} ({@link #SORTABLE}; the username otherwise), one page of them.
     */
    @RolesAllowed(Role.ADMIN_GROUP)
    public List<Member> search(String text, String sortBy, boolean descending,
                               @PositiveOrZero(message = "The first row is 0 or more.") int first,
                               @Min(value = 1, message = "Ask for at least one row.") int max) {
        String order = SORTABLE.getOrDefault(sortBy == null ? "" : sortBy, "username");
        String direction = descending ? " DESC" : " ASC";
        return searchQuery("SELECT m FROM Member m", text, " ORDER BY m." + order + direction + ", m.username" + direction,
                Member.class).setFirstResult(first).setMaxResults(Math.min(max, 500)).getResultList();
    }

    /** How many members {@link #search} finds for {@code text}. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public long count(String text) {
        return searchQuery("SELECT COUNT(m) FROM Member m", text, "", Long.class).getSingleResult();
    }

    /** The fields a member list may be sorted by, as the page names them, and the entity's field. */
    public static final Map<String, String> SORTABLE = Map.of("username", "username", "displayName", "displayName",
            "title", "title", "department", "department", "email", "email", "role", "role", "enabled", "enabled",
            "origin", "origin");

    private <T> TypedQuery<T> searchQuery(String select, String text, String orderBy, Class<T> type) {
        String wanted = Like.contains(text);
        if (wanted == null) {
            return em.createQuery(select + orderBy, type);
        }
        String like = " LIKE :text ESCAPE '" + Like.ESCAPE + "'";
        return em.createQuery(select + " WHERE LOWER(m.username)" + like + " OR LOWER(m.displayName)" + like
                + " OR LOWER(m.title)" + like + " OR LOWER(m.department)" + like + orderBy, type)
                .setParameter("text", wanted);
    }

    /** An admin creates a member (or another admin); the username must be free, the e-mail address (optional) valid. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public Member create(@NotNull(message = "Enter a username.") String username, String displayName, String title,
                         String department, String email, @NotNull(message = "Enter a first password.") char[] password,
                         @NotNull(message = "Choose a role.") Role role,
                         @NotBlank(message = "The caller's address is required.") String address) {
        Member member = enrolment.enrol(username, displayName, title, department, email, password, role);
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' created the " + role.word() + " '" + member.getUsername() + "'");
        audit(member, AccountEvent.Action.CREATED, address, "as " + role.word());
        return member;
    }

    /** An admin changes what others see of a member (display name, title, department) and their e-mail address. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public Member edit(@NotBlank(message = "Name the member.") String username, String displayName, String title,
                       String department, String email,
                       @NotBlank(message = "The caller's address is required.") String address) {
        Member member = existing(username);
        Member.requireProfile(displayName, title, department);
        List<String> changes = new ArrayList<>();
        note(changes, "display name", member.getDisplayName(), displayName);
        note(changes, "title", member.getTitle(), title);
        note(changes, "department", member.getDepartment(), department);
        note(changes, "e-mail", member.getEmail(), email);
        member.updateProfile(displayName, title, department);
        member.changeEmail(email);
        if (changes.isEmpty()) {
            return member;
        }
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' changed the " + String.join(", ", changes) + " of '" + member.getUsername() + "'");
        audit(member, AccountEvent.Action.EDITED, address, String.join(", ", changes));
        return member;
    }

    private static void note(List<String> changes, String what, String before, String after) {
        String was = before == null ? "" : before.strip();
        String now = after == null ? "" : after.strip();
        if (!was.equals(now)) {
            changes.add(what);
        }
    }

    /** What is wrong with each row of a CSV file of new members, before anything is imported. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public MemberImport previewImport(@NotNull(message = "Choose a file.") byte[] file) {
        if (file.length > MemberCsv.MAX_BYTES) {
            throw new AccountRefusedException("A file to import has at most " + MemberCsv.MAX_BYTES / 1024 + " KiB.",
                    "importTooLarge", String.valueOf(MemberCsv.MAX_BYTES / 1024));
        }
        return MemberCsv.read(file, this::existingAmong);
    }

    /**
     * Imports every member of a CSV file in one transaction, or none: a file with any problem
     * ({@link #previewImport}) is refused whole. Each new member is a member (not an admin) with a
     * random first password, answered here once and never stored in the clear; an admin hands it
     * over, and the member changes it in their settings.
     */
    @RolesAllowed(Role.ADMIN_GROUP)
    public List<FirstPassword> importMembers(@NotNull(message = "Choose a file.") byte[] file,
                                             @NotBlank(message = "The caller's address is required.") String address) {
        MemberImport read = previewImport(file);
        if (!read.importable()) {
            throw read.badRows() == 1
                    ? new AccountRefusedException("The file has 1 row with problems: nothing was imported.", "importHasProblemsOne")
                    : new AccountRefusedException("The file has " + read.badRows() + " rows with problems: nothing was imported.",
                    "importHasProblems", String.valueOf(read.badRows()));
        }
        List<FirstPassword> imported = new ArrayList<>();
        for (MemberImport.Row row : read.rows()) {
            String password = Passwords.randomPassword(FIRST_PASSWORD_LENGTH);
            Member member = enrolment.enrol(row.username(), row.field(MemberImport.Column.DISPLAY_NAME),
                    row.field(MemberImport.Column.TITLE), row.field(MemberImport.Column.DEPARTMENT),
                    row.field(MemberImport.Column.EMAIL), password.toCharArray(), Role.MEMBER);
            changed.fire(new MemberChanged(member.getUsername()));
            audit(member, AccountEvent.Action.CREATED, address, "as member, imported from a CSV file (line " + row.line() + ")");
            imported.add(new FirstPassword(member.getUsername(), member.getDisplayName(), member.getEmail(), password));
        }
        LOG.info(() -> "Admin '" + caller() + "' imported " + imported.size() + " members from a CSV file");
        return imported;
    }

    /** The length of an imported member's random first password: 16 of 57 letters and digits, about 93 bits. */
    static final int FIRST_PASSWORD_LENGTH = 16;

    /** A member made by an import, with the first password that only this answer holds. */
    public record FirstPassword(String username, String displayName, String email, String password)
            implements java.io.Serializable {
    }

    private Set<String> existingAmong(Collection<String> usernames) {
        Set<String> taken = new HashSet<>();
        List<String> names = List.copyOf(usernames);
        for (int i = 0; i < names.size(); i += 200) {
            taken.addAll(em.createNamedQuery(Member.USERNAMES_AMONG, String.class)
                    .setParameter("usernames", names.subList(i, Math.min(names.size(), i + 200))).getResultList());
        }
        return taken;
    }

    /** An admin disables a member, which ends all their sessions; the last enabled admin stays enabled. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public void disable(@NotBlank(message = "Name the member.") String username,
                        @NotBlank(message = "The caller's address is required.") String address) {
        enrolment.lockAdministrators(); // before the member's own row: the one order every such change takes
        Member member = existing(username);
        if (enrolment.lastEnabledAdmin(member)) {
            throw new AccountRefusedException("'" + member.getUsername() + "' is the last enabled administrator and stays enabled.",
                    "lastAdminStaysEnabled", member.getUsername());
        }
        member.disable();
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' disabled '" + member.getUsername() + "': their sessions end now");
        audit(member, AccountEvent.Action.DISABLED, address, null);
        audit(member, AccountEvent.Action.SESSIONS_ENDED, address, "every session, the account is disabled");
    }

    /** An admin enables a member again; sessions that ended when they were disabled stay ended. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public void enable(@NotBlank(message = "Name the member.") String username,
                       @NotBlank(message = "The caller's address is required.") String address) {
        Member member = existing(username);
        member.enable();
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' re-enabled '" + member.getUsername() + "'");
        audit(member, AccountEvent.Action.ENABLED, address, null);
    }

    /** An admin sets a member's password without knowing the old one; every session of the member ends. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public void resetPassword(@NotBlank(message = "Enter the username.") String username,
                              @NotNull(message = "Enter the new password.") char[] password,
                              @NotBlank(message = "The caller's address is required.") String address) {
        Member member = existing(username);
        member.resetPassword(password, passwords.hasher(), Instant.now());
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' reset the password of '" + member.getUsername() + "': their sessions end now");
        audit(member, AccountEvent.Action.PASSWORD_RESET, address, null);
        audit(member, AccountEvent.Action.SESSIONS_ENDED, address, "every session, after a password reset");
    }

    /** An admin gives a member a new CID: whatever was embedded with the old one stops showing them. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public void rotateCid(@NotBlank(message = "Name the member.") String username,
                          @NotBlank(message = "The caller's address is required.") String address) {
        Member member = existing(username);
        String previous = member.getCid();
        member.rotateCid(Cid.unique(RANDOM, enrolment::cidTaken));
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' gave '" + member.getUsername() + "' a new CID");
        audit(member, AccountEvent.Action.CID_ROTATED, address, "the CID " + previous + " stops working");
    }

    /**
     * An admin makes a member an administrator, or a member again. The last enabled administrator
     * keeps the role. The member's open sessions take the new role with their next request.
     */
    @RolesAllowed(Role.ADMIN_GROUP)
    public void changeRole(@NotBlank(message = "Name the member.") String username,
                           @NotNull(message = "Choose a role.") Role role,
                           @NotBlank(message = "The caller's address is required.") String address) {
        enrolment.lockAdministrators(); // before the member's own row: the one order every such change takes
        Member member = existing(username);
        Role previous = member.getRole();
        if (previous == role) {
            return;
        }
        if (enrolment.lastEnabledAdmin(member)) {
            throw new AccountRefusedException("'" + member.getUsername() + "' is the last enabled administrator and stays one.",
                    "lastAdminStaysAdmin", member.getUsername());
        }
        member.changeRole(role);
        changed.fire(new MemberChanged(member.getUsername()));
        LOG.info(() -> "Admin '" + caller() + "' made '" + member.getUsername() + "' " + role.word() + " (was " + previous.word() + ")");
        audit(member, AccountEvent.Action.ROLE_CHANGED, address, "from " + previous.word() + " to " + role.word());
    }

    private void audit(Member member, AccountEvent.Action action, String address, String detail) {
        accountEvents.fire(new AccountEvent(caller(), member.getUsername(), action, address, detail));
    }

    private Member existing(String username) {
        return locked(username).orElseThrow(() -> new AccountRefusedException(
                "There is no member '" + LogText.typed(username) + "'.",
                "noSuchMember", LogText.typed(username)));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

}
