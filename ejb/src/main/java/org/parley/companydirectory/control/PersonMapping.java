package org.parley.companydirectory.control;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.parley.account.entity.ExternalAccount;
import org.parley.account.entity.Origin;
import org.parley.companydirectory.entity.DirectoryPerson;
import org.parley.companydirectory.entity.UnusableEntryException;

/**
 * Reads a person from their directory entry by the configured attributes. The lasting id is the
 * entry's {@code objectGUID} (written as Active Directory writes a GUID) or {@code entryUUID}, never the
 * DN, which changes when someone moves to another department. Without an admin group the role is left
 * to Parley's admins ({@code admin} is {@code null}).
 */
public final class PersonMapping {

    /** Active Directory's ACCOUNTDISABLE flag in {@code userAccountControl}. */
    static final int ACCOUNT_DISABLE = 0x2;

    private final LdapSettings settings;

    public PersonMapping(LdapSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * The person {@code entry} describes; {@code adminDns}: the members of the admin group when it is read
     * from the group's entry (ignored otherwise).
     *
     * @throws UnusableEntryException when the entry lacks its username or id
     */
    public DirectoryPerson person(Entry entry, Set<DN> adminDns) {
        LdapSettings.Attributes names = settings.attributes();
        String username = first(entry, names.username()).orElseThrow(() -> new UnusableEntryException(
                "the entry " + entry.getDN() + " has no " + String.join(" or ", names.username())));
        String id = id(entry).orElseThrow(() -> new UnusableEntryException(
                "the entry " + entry.getDN() + " has no " + names.id()));
        ExternalAccount account = new ExternalAccount(Origin.LDAP, id, username,
                first(entry, names.displayName()).orElse(null), first(entry, names.title()).orElse(null),
                first(entry, names.department()).orElse(null), first(entry, names.email()).orElse(null),
                admin(entry, adminDns));
        return new DirectoryPerson(account, entry.getDN(), disabled(entry));
    }

    private Optional<String> id(Entry entry) {
        String attribute = settings.attributes().id();
        if (attribute.equalsIgnoreCase("objectGUID")) {
            byte[] guid = entry.getAttributeValueBytes(attribute);
            return guid == null || guid.length != 16 ? Optional.empty() : Optional.of(activeDirectoryGuid(guid));
        }
        return Optional.ofNullable(entry.getAttributeValue(attribute)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A GUID as Active Directory shows it: its first three fields are stored little-endian. */
    static String activeDirectoryGuid(byte[] guid) {
        ByteBuffer b = ByteBuffer.wrap(guid);
        long high = (Integer.toUnsignedLong(Integer.reverseBytes(b.getInt())) << 32)
                | ((long) (Short.reverseBytes(b.getShort()) & 0xFFFF) << 16)
                | (Short.reverseBytes(b.getShort()) & 0xFFFF);
        return new UUID(high, b.getLong()).toString();
    }

    private Boolean admin(Entry entry, Set<DN> adminDns) {
        Optional<DN> group = settings.adminGroup();
        if (group.isEmpty()) {
            return null;
        }
        if (settings.groupMembership() == LdapSettings.GroupMembership.GROUP_ENTRY) {
            return adminDns.contains(dn(entry.getDN()));
        }
        String[] groups = entry.getAttributeValues(settings.attributes().memberOf());
        return groups != null && List.of(groups).stream().anyMatch(g -> group.get().equals(dn(g)));
    }

    private boolean disabled(Entry entry) {
        String attribute = settings.attributes().disabled();
        if (settings.kind() == LdapSettings.Kind.AD && attribute.equalsIgnoreCase("userAccountControl")) {
            Integer flags = entry.getAttributeValueAsInteger(attribute);
            return flags != null && (flags & ACCOUNT_DISABLE) != 0;
        }
        return entry.hasAttribute(attribute);
    }

    private static Optional<String> first(Entry entry, List<String> attributes) {
        return attributes.stream().map(entry::getAttributeValue).filter(Objects::nonNull).map(String::strip)
                .filter(v -> !v.isEmpty()).findFirst();
    }

    /** A DN for comparing (case and spacing aside); one that cannot be read matches nothing. */
    static DN dn(String text) {
        try {
            return new DN(text);
        } catch (LDAPException e) {
            return DN.NULL_DN;
        }
    }
}
