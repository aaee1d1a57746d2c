package org.parley.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real LDAP server for tests: UnboundID's in-memory directory server on 127.0.0.1, over LDAPS or
 * StartTLS with a certificate made for the test (its PEM is {@link #caFile()}), holding Active
 * Directory-like people (sAMAccountName, objectGUID, userAccountControl, memberOf) or OpenLDAP
 * {@code inetOrgPerson}s in groupOfNames, and a service account Parley searches as. No schema is
 * enforced, so both kinds live side by side.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=org";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String ADMINS = "cn=parley-admins," + GROUPS;
    public static final String SERVICE_DN = "cn=parley,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "service-secret";

    /** How clients protect their connection. */
    public enum Tls { LDAPS, STARTTLS }

    private final InMemoryDirectoryServer server;
    private final Path caFile;
    private final Tls tls;

    private TestDirectory(InMemoryDirectoryServer server, Path caFile, Tls tls) {
        this.server = server;
        this.caFile = caFile;
        this.tls = tls;
    }

    /**
     * Starts a directory on {@code port} (0: any free one) whose certificate, for 127.0.0.1, is valid from
     * now on, or expired when {@code expired}; keystore and PEM go to {@code folder}.
     */
    public static TestDirectory start(Path folder, Tls tls, int port, boolean expired) {
        try {
            Files.createDirectories(folder);
            Path keystore = folder.resolve("directory.p12");
            Path pem = folder.resolve("directory-ca.pem");
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(pem);
            List<String> generate = new ArrayList<>(List.of("generate-self-signed-certificate", "--keystore",
                    keystore.toString(), "--keystore-password", "changeit", "--keystore-type", "PKCS12", "--alias", "server",
                    "--subject-dn", "CN=127.0.0.1", "--subject-alternative-name-ip-address", "127.0.0.1",
                    "--key-algorithm", "EC", "--key-size-bits", "256", "--signature-algorithm", "SHA256withECDSA",
                    "--days-valid", "2"));
            if (expired) {
                generate.addAll(List.of("--validity-start-time", "20200101000000"));
            }
            certificates(generate.toArray(String[]::new));
            certificates("export-certificate", "--keystore", keystore.toString(), "--keystore-password", "changeit",
                    "--alias", "server", "--output-format", "PEM", "--output-file", pem.toString());
            SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keystore.toFile(), "changeit".toCharArray(), "PKCS12",
                    "server"), null);
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            InMemoryListenerConfig listener = tls == Tls.LDAPS
                    ? InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, port, serverTls.createSSLServerSocketFactory(), null)
                    : InMemoryListenerConfig.createLDAPConfig("ldap", loopback, port, serverTls.createSSLSocketFactory());
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setSchema(null);
            config.setListenerConfigs(listener);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add(new Entry(BASE, attribute("objectClass", "top", "domain"), attribute("dc", "example")));
            for (String ou : List.of("people", "groups", "services")) {
                server.add(new Entry("ou=" + ou + "," + BASE, attribute("objectClass", "top", "organizationalUnit"),
                        attribute("ou", ou)));
            }
            server.add(new Entry(SERVICE_DN, attribute("objectClass", "top", "person"), attribute("cn", "parley"),
                    attribute("sn", "Parley"), attribute("userPassword", SERVICE_PASSWORD)));
            server.startListening();
            return new TestDirectory(server, pem, tls);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalStateException("the test directory did not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void certificates(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, out, out, arguments);
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException("manage-certificates " + arguments[0] + " failed: " + out);
        }
    }

    private static com.unboundid.ldap.sdk.Attribute attribute(String name, String... values) {
        return new com.unboundid.ldap.sdk.Attribute(name, values);
    }

    /** Where Parley is pointed: {@code ldaps://127.0.0.1:port}, or {@code ldap://…} for StartTLS. */
    public String url() {
        return (tls == Tls.LDAPS ? "ldaps" : "ldap") + "://127.0.0.1:" + port();
    }

    public int port() {
        return server.getListenPort();
    }

    /** The PEM of the directory's certificate, which Parley is told to trust. */
    public Path caFile() {
        return caFile;
    }

    /**
     * An Active Directory-like person under {@code ou=people} (enabled: userAccountControl 512), in
     * {@code groups} by memberOf; answers their DN, {@code cn=<display name> (<sAMAccountName>)}.
     */
    public String addAdPerson(String samAccountName, String displayName, String title, String department, String mail,
                              String password, String... groups) {
        String cn = (displayName == null ? "" : displayName + " ") + "(" + samAccountName + ")";
        String dn = new com.unboundid.ldap.sdk.RDN("cn", cn) + "," + PEOPLE;
        Entry entry = new Entry(dn, attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                attribute("objectCategory", "person"), attribute("cn", cn),
                attribute("sAMAccountName", samAccountName), attribute("userAccountControl", "512"),
                attribute("userPassword", password));
        entry.addAttribute("objectGUID", guid());
        optional(entry, "displayName", displayName);
        optional(entry, "title", title);
        optional(entry, "department", department);
        optional(entry, "mail", mail);
        if (groups.length > 0) {
            entry.addAttribute("memberOf", groups);
        }
        add(entry);
        return dn;
    }

    /** An OpenLDAP {@code inetOrgPerson} under {@code ou=people} (or {@code ou=<where>,ou=people}); answers their DN. */
    public String addInetOrgPerson(String where, String uid, String cn, String title, String ou, String mail, String password) {
        String parent = where == null ? PEOPLE : "ou=" + where + "," + PEOPLE;
        if (where != null && !exists(parent)) {
            add(new Entry(parent, attribute("objectClass", "top", "organizationalUnit"), attribute("ou", where)));
        }
        String dn = "uid=" + uid + "," + parent;
        Entry entry = new Entry(dn, attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                attribute("uid", uid), attribute("cn", cn), attribute("sn", cn), attribute("userPassword", password));
        optional(entry, "title", title);
        optional(entry, "ou", ou);
        optional(entry, "mail", mail);
        add(entry);
        return dn;
    }

    /** A {@code groupOfNames} of {@code members} (DNs). */
    public void addGroup(String dn, String... members) {
        Entry group = new Entry(dn, attribute("objectClass", "top", "groupOfNames"),
                attribute("cn", dn.substring(3, dn.indexOf(','))));
        group.addAttribute("member", members);
        add(group);
    }

    public void add(Entry entry) {
        try {
            server.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces an attribute's values, as a directory admin would. */
    public void set(String dn, String attribute, String... values) {
        try {
            server.modify(dn, new Modification(ModificationType.REPLACE, attribute, values));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(String dn) {
        try {
            server.delete(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean exists(String dn) {
        try {
            return server.getEntry(dn) != null;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops answering (every connection is closed), as a directory that went down. */
    public void stop() {
        server.shutDown(true);
    }

    /** Answers again on the same port, with the same people. */
    public void restart() {
        try {
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static byte[] guid() {
        UUID id = UUID.randomUUID();
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static void optional(Entry entry, String attribute, String value) {
        if (value != null) {
            entry.addAttribute(attribute, value);
        }
    }
}
