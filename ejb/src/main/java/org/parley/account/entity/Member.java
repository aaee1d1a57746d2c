package org.parley.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.security.enterprise.identitystore.PasswordHash;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person with a Parley account. Keeps its own rules: the password is only ever held as a
 * hash and changes only against the current one; a disabled member cannot sign in; the CID
 * always has the 16-hex-digit form; a new password or being disabled starts a new
 * {@linkplain #getSessionGeneration() session generation}, which ends the sessions signed in before.
 */
@Entity
@Table(name = "members")
@NamedQuery(name = Member.BY_USERNAME, query = "SELECT m FROM Member m WHERE m.username = :username")
@NamedQuery(name = Member.ALL, query = "SELECT m FROM Member m ORDER BY m.username")
@NamedQuery(name = Member.COUNT_ENABLED_ADMINS,
        query = "SELECT COUNT(m) FROM Member m WHERE m.role = org.parley.account.entity.Role.ADMIN AND m.enabled = TRUE")
/* the rows the last-administrator rule reads, locked in one order by whoever is about to disable or demote one */
@NamedQuery(name = Member.ENABLED_ADMINS, query = "SELECT m FROM Member m WHERE m.role = org.parley.account.entity.Role.ADMIN"
        + " AND m.enabled = TRUE ORDER BY m.username")
@NamedQuery(name = Member.USERNAMES_AMONG, query = "SELECT m.username FROM Member m WHERE m.username IN :usernames")
@NamedQuery(name = Member.COUNT_BY_CID, query = "SELECT COUNT(m) FROM Member m WHERE m.cid = :cid")
@NamedQuery(name = Member.BY_EXTERNAL_ID,
        query = "SELECT m FROM Member m WHERE m.origin = :origin AND m.externalId = :externalId")
/* a personal message from a member's client: one statement, so clients setting it at the same moment each
   write it in turn (the last one stays) instead of failing on the row's version, which it still moves on */
@NamedQuery(name = Member.SET_PERSONAL_MESSAGE, query = "UPDATE Member m SET m.settings.personalMessage = :message,"
        + " m.version = m.version + 1 WHERE m.username = :username")
@NamedQuery(name = Member.ENABLED_FROM, query = "SELECT m FROM Member m WHERE m.origin = :origin AND m.enabled = TRUE")
public class Member {

    public static final String BY_USERNAME = "Member.byUsername";
    public static final String ALL = "Member.all";
    public static final String COUNT_ENABLED_ADMINS = "Member.countEnabledAdmins";
    public static final String ENABLED_ADMINS = "Member.enabledAdmins";
    public static final String COUNT_BY_CID = "Member.countByCid";
    public static final String USERNAMES_AMONG = "Member.usernamesAmong";
    public static final String BY_EXTERNAL_ID = "Member.byExternalId";
    public static final String ENABLED_FROM = "Member.enabledFrom";
    public static final String SET_PERSONAL_MESSAGE = "Member.setPersonalMessage";

    public static final int USERNAME_MAX = 64;
    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]*";
    public static final String USERNAME_RULE = "Use lower-case letters, digits, dots, dashes and underscores, starting with a letter or digit.";
    public static final int NAME_MAX = 100;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 256;
    /** RFC 5321's longest usable address. */
    public static final int EMAIL_MAX = 254;
    /** An address an admin can send mail to: one @, something on both sides, a dot in the domain, no spaces. */
    public static final String EMAIL_PATTERN = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+";
    /** The longest language tag a member may choose (BCP 47 tags of the shipped cultures are far shorter). */
    public static final int LANGUAGE_MAX = 35;
    /** The longest id a source may give a person (a DN, an issuer URL and a subject). */
    public static final int EXTERNAL_ID_MAX = 512;

    @Id
    @Column(length = 36)
    private String id;

    @Version
    private long version;

    @NotBlank
    @Size(max = USERNAME_MAX)
    @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE)
    @Column(nullable = false, unique = true, length = USERNAME_MAX, updatable = false)
    private String username;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    @Size(max = NAME_MAX)
    @Column(length = NAME_MAX)
    private String title;

    @Size(max = NAME_MAX)
    @Column(length = NAME_MAX)
    private String department;

    @Size(max = EMAIL_MAX)
    @Pattern(regexp = EMAIL_PATTERN)
    @Column(length = EMAIL_MAX)
    private String email;

    /** Only local members have one; the source checks the others' passwords. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private Origin origin = Origin.LOCAL;

    @Size(max = EXTERNAL_ID_MAX)
    @Column(name = "external_id", length = EXTERNAL_ID_MAX, updatable = false)
    private String externalId;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    /** Disabled because their source disabled them (or no longer has them): the source's word enables them again. */
    @Column(name = "disabled_by_source", nullable = false)
    private boolean disabledBySource;

    @NotNull
    @Column(nullable = false, unique = true, length = Cid.LENGTH, columnDefinition = "CHAR(16)")
    private String cid;

    @Embedded
    private MemberSettings settings = new MemberSettings();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    /** The language the member chose for Parley's pages (a BCP 47 tag); null: the browser's. */
    @Column(name = "language", length = LANGUAGE_MAX)
    private String language;

    protected Member() {
    }

    public Member(String username, String displayName, Role role, String cid, char[] password,
                  PasswordHash hasher, Instant now) {
        if (!Cid.isValid(cid)) {
            throw new IllegalArgumentException("not a CID: " + cid);
        }
        this.id = UUID.randomUUID().toString();
        this.username = Objects.requireNonNull(username);
        this.displayName = PlainText.line(Objects.requireNonNull(displayName));
        this.role = Objects.requireNonNull(role);
        this.cid = cid;
        this.enabled = true;
        this.createdAt = now;
        setPassword(password, hasher, now);
    }

    /**
     * A member whose account comes from {@code account}'s source: no Parley password, the profile as the
     * source gives it (see {@link #takeProfileFrom}).
     */
    public static Member from(ExternalAccount account, String username, Role role, String cid, Instant now) {
        if (!Cid.isValid(cid)) {
            throw new IllegalArgumentException("not a CID: " + cid);
        }
        Member member = new Member();
        member.id = UUID.randomUUID().toString();
        member.username = Objects.requireNonNull(username);
        member.origin = account.origin();
        member.externalId = account.externalId();
        member.role = Objects.requireNonNull(role);
        member.cid = cid;
        member.enabled = true;
        member.createdAt = now;
        member.passwordChangedAt = now;
        member.takeProfileFrom(account);
        return member;
    }

    /**
     * Takes name, title, department and e-mail address from the member's source, which keeps them.
     * Text longer than Parley keeps is cut; an e-mail address nobody could send mail to is left out.
     * Answers what changed, in words for the audit trail (empty: nothing).
     */
    public java.util.List<String> takeProfileFrom(ExternalAccount account) {
        SourceProfile source = SourceProfile.of(account);
        java.util.List<String> changes = source.changesFrom(this);
        displayName = source.displayName();
        title = source.title();
        department = source.department();
        email = source.email();
        return changes;
    }

    /** What {@link #takeProfileFrom} would change, in words, without changing it. */
    public java.util.List<String> profileChangesFrom(ExternalAccount account) {
        return SourceProfile.of(account).changesFrom(this);
    }

    /** What a source says others see of a member, as Parley keeps it. */
    private record SourceProfile(String displayName, String title, String department, String email) {

        static SourceProfile of(ExternalAccount account) {
            String address = blankToNull(account.email());
            return new SourceProfile(cut(account.nameForOthers()), blankToNull(cut(account.title())),
                    blankToNull(cut(account.department())), isEmail(address) ? address : null);
        }

        java.util.List<String> changesFrom(Member member) {
            java.util.List<String> changes = new java.util.ArrayList<>();
            if (!displayName.equals(member.displayName)) {
                changes.add("display name");
            }
            if (!Objects.equals(title, member.title)) {
                changes.add("title");
            }
            if (!Objects.equals(department, member.department)) {
                changes.add("department");
            }
            if (!Objects.equals(email, member.email)) {
                changes.add("e-mail");
            }
            return changes;
        }
    }

    private static String cut(String text) {
        String stripped = PlainText.line(text);
        if (stripped == null) {
            return null;
        }
        return stripped.codePointCount(0, stripped.length()) <= NAME_MAX ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, NAME_MAX)).strip();
    }

    /** Changes the password, but only for someone who knows the current one. */
    public void changePassword(char[] current, char[] next, PasswordHash hasher, Instant now)
            throws WrongPasswordException {
        requireLocal();
        if (!verifyPassword(current, hasher)) {
            throw new WrongPasswordException();
        }
        setPassword(next, hasher, now);
    }

    /** An administrator sets a new password without knowing the old one. */
    public void resetPassword(char[] next, PasswordHash hasher, Instant now) {
        requireLocal();
        setPassword(next, hasher, now);
    }

    /** Whether {@code candidate} is this local member's password; a member from a source has none here. */
    public boolean verifyPassword(char[] candidate, PasswordHash hasher) {
        return candidate != null && passwordHash != null && hasher.verify(candidate, passwordHash);
    }

    private void requireLocal() {
        if (origin != Origin.LOCAL) {
            throw new AccountRefusedException("The password of '" + username + "' is kept by "
                    + (origin == Origin.LDAP ? "the company directory" : "the OpenID provider") + ", not by Parley.",
                    origin == Origin.LDAP ? "passwordInDirectory" : "passwordAtProvider", username);
        }
    }

    /** Whether {@code password} is acceptable as a new password; the reason if not. */
    public static void requireAcceptable(char[] password) {
        if (password == null || password.length < PASSWORD_MIN) {
            throw new UnacceptablePasswordException("A password needs at least " + PASSWORD_MIN + " characters.",
                    "passwordTooShort", String.valueOf(PASSWORD_MIN));
        }
        if (password.length > PASSWORD_MAX) {
            throw new UnacceptablePasswordException("A password may have at most " + PASSWORD_MAX + " characters.",
                    "passwordTooLong", String.valueOf(PASSWORD_MAX));
        }
    }

    private void setPassword(char[] password, PasswordHash hasher, Instant now) {
        requireAcceptable(password);
        this.passwordHash = hasher.generate(password);
        this.passwordChangedAt = now;
        this.sessionGeneration++;
    }

    /** A disabled member is signed out everywhere, and stays signed out when enabled again. */
    public void disable() {
        this.enabled = false;
        this.sessionGeneration++;
    }

    /**
     * The member's source no longer lets them in (disabled there, or gone): disabled as by an admin, and
     * marked so that the source, once it lets them in again, enables them again. An admin's disabling
     * is never undone by the source.
     */
    public void disableForSource() {
        disable();
        this.disabledBySource = true;
    }

    public void enable() {
        this.enabled = true;
        this.disabledBySource = false;
    }

    /** Disabled by their source, not by an admin: enabled again once the source lets them in. */
    public boolean isDisabledOnlyBySource() {
        return !enabled && disabledBySource;
    }

    /** The member becomes an administrator, or stops being one. */
    public void changeRole(Role role) {
        this.role = Objects.requireNonNull(role);
    }

    /** A new CID: everything embedded with the old one stops showing this member. */
    public void rotateCid(String newCid) {
        if (!Cid.isValid(newCid)) {
            throw new IllegalArgumentException("not a CID: " + newCid);
        }
        this.cid = newCid;
    }

    /**
     * Refuses a profile that does not fit: a display name of 1 to {@value #NAME_MAX} characters, one at least visible
     * ({@link PlainText#shows}: not only zero-width or blank ones, which showed an empty name), a title
     * and a department of at most {@value #NAME_MAX}.
     */
    public static void requireProfile(String displayName, String title, String department) {
        String name = PlainText.line(displayName);
        if (name == null || !PlainText.shows(name) || name.length() > NAME_MAX) {
            throw new AccountRefusedException("A display name of 1 to " + NAME_MAX + " characters is required.",
                    "badDisplayName", String.valueOf(NAME_MAX));
        }
        if (title != null && PlainText.line(title).length() > NAME_MAX) {
            throw new AccountRefusedException("A title has at most " + NAME_MAX + " characters.", "titleTooLong",
                    String.valueOf(NAME_MAX));
        }
        if (department != null && PlainText.line(department).length() > NAME_MAX) {
            throw new AccountRefusedException("A department has at most " + NAME_MAX + " characters.",
                    "departmentTooLong", String.valueOf(NAME_MAX));
        }
    }

    /**
     * What others see of the member, as plain text on one line ({@link PlainText#line}: no control or bidi characters,
     * which turned the text shown after a name around); refused as {@link #requireProfile} says.
     */
    public void updateProfile(String displayName, String title, String department) {
        requireProfile(displayName, title, department);
        this.displayName = PlainText.line(displayName);
        this.title = blankToNull(PlainText.line(title));
        this.department = blankToNull(PlainText.line(department));
    }

    /** An admin sets the e-mail address; blank removes it. Refuses an address nobody could send mail to. */
    public void changeEmail(String email) {
        String address = blankToNull(email);
        if (address != null && !isEmail(address)) {
            throw new AccountRefusedException("'" + address + "' is not an e-mail address.", "badEmail", address);
        }
        this.email = address;
    }

    /** Whether {@code text} (already stripped) can be a member's e-mail address. */
    public static boolean isEmail(String text) {
        return text != null && text.length() <= EMAIL_MAX && text.matches(EMAIL_PATTERN);
    }

    public void updateSettings(MemberSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** The language for Parley's pages, a BCP 47 tag; blank: follow the browser. */
    public void chooseLanguage(String languageTag) {
        this.language = blankToNull(languageTag);
    }

    public Optional<String> getLanguage() {
        return Optional.ofNullable(language);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getTitle() {
        return title;
    }

    public String getDepartment() {
        return department;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Origin getOrigin() {
        return origin;
    }

    /** The source's id for this member; {@code null} for a local member. */
    public String getExternalId() {
        return externalId;
    }

    public boolean isLocal() {
        return origin == Origin.LOCAL;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getCid() {
        return cid;
    }

    public MemberSettings getSettings() {
        return settings == null ? new MemberSettings() : settings;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    /** A session signed in under another generation than this one has ended. */
    public int getSessionGeneration() {
        return sessionGeneration;
    }
}
