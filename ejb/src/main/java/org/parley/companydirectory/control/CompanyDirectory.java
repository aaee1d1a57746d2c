package org.parley.companydirectory.control;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.AggregateTrustManager;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.ValidityDateTrustManager;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.net.ssl.X509TrustManager;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection to the company directory: its settings (read at first use, so Parley starts whether
 * the directory answers or not), a pool of connections bound as the service account for searches, and
 * a fresh connection for each person's own bind. Every connection is LDAPS or StartTLS with the
 * certificate checked against the configured CA file (or the JVM's trust store), its dates and the host
 * name; plain LDAP only when {@code parley.ldap.allow-plain} says so, with a warning in the log.
 * Each call is bounded by the configured connect and response timeouts.
 */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class.getName());

    /** The settings, or why they cannot work; read once. */
    private record Loaded(Optional<LdapSettings> settings, String problem) {
    }

    private volatile Loaded loaded;
    private SingleServerSet servers;
    private LDAPConnectionPool pool;

    public CompanyDirectory() {
    }

    /** The directory {@code settings} describe, without reading the configuration (a directory tool, a test). */
    public CompanyDirectory(LdapSettings settings) {
        this.loaded = new Loaded(Optional.of(settings), null);
    }

    /** Whether configuration names a directory (also one whose settings cannot work: its sign-ins then fail). */
    public boolean configured() {
        Loaded now = load();
        return now.settings().isPresent() || now.problem() != null;
    }

    /** The settings; empty without a directory. */
    public Optional<LdapSettings> settings() throws DirectoryTrouble {
        Loaded now = load();
        if (now.problem() != null) {
            throw new DirectoryTrouble("the company directory's settings cannot work: " + now.problem());
        }
        return now.settings();
    }

    private Loaded load() {
        Loaded now = loaded;
        if (now == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = read();
                }
                now = loaded;
            }
        }
        return now;
    }

    private static Loaded read() {
        try {
            Optional<LdapSettings> settings = LdapSettings.from(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
            settings.ifPresent(s -> {
                LOG.info(() -> "Company directory: " + s.describe() + (s.hasServiceAccount()
                        ? "; searched as " + s.bindDn().get() : "; people bind as " + s.userDnPattern().get()));
                if (s.security() == LdapSettings.Security.PLAIN) {
                    LOG.warning(() -> "The company directory is reached WITHOUT encryption (parley.ldap.allow-plain=true): "
                            + "passwords cross the network in the clear. Use ldaps:// or StartTLS.");
                }
            });
            return new Loaded(settings, null);
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "The company directory is not used: " + e.getMessage()
                    + ". Members from it cannot sign in until this is fixed; local members can.");
            return new Loaded(Optional.empty(), e.getMessage());
        }
    }

    /** A new connection, protected as configured but not yet bound: for one person's bind. */
    public LDAPConnection connect() throws DirectoryTrouble {
        LdapSettings settings = required();
        try {
            return servers(settings).getConnection();
        } catch (LDAPException e) {
            throw DirectoryTrouble.of(e, where(settings));
        }
    }

    /**
     * Binds {@code connection} as {@code dn} with {@code password}; answers {@code false} for a wrong
     * password (or no such entry). An empty password never binds: it would be an anonymous bind.
     */
    public boolean bind(LDAPConnection connection, String dn, char[] password) throws DirectoryTrouble {
        if (password == null || password.length == 0) {
            return false;
        }
        byte[] bytes = utf8(password);
        try {
            connection.bind(new SimpleBindRequest(dn, bytes));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS || e.getResultCode() == ResultCode.INVALID_DN_SYNTAX) {
                return false;
            }
            throw DirectoryTrouble.of(e, where(required()));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The DN {@code parley.ldap.user-dn-pattern} gives {@code username}, the name escaped as a DN value. */
    public static String dnFor(String pattern, String username) {
        String rdn = new RDN("x", username).toString();
        return pattern.replace("{0}", rdn.substring(rdn.indexOf('=') + 1));
    }

    /**
     * The entries of the people called {@code username} (at most two are asked for: more than one is
     * already a person in two places), searched through {@code connection}.
     */
    public List<SearchResultEntry> byUsername(LDAPInterface connection, String username) throws DirectoryTrouble {
        LdapSettings settings = required();
        Filter filter = Filter.createANDFilter(settings.userFilter(), Filter.createORFilter(
                settings.attributes().username().stream().map(a -> Filter.createEqualityFilter(a, username)).toList()));
        SearchRequest request = new SearchRequest(settings.baseDn().toString(), SearchScope.SUB, filter,
                settings.attributes().requested());
        request.setSizeLimit(2);
        try {
            return connection.search(request).getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED && e instanceof com.unboundid.ldap.sdk.LDAPSearchException s) {
                return s.getSearchEntries();
            }
            throw DirectoryTrouble.of(e, where(settings));
        }
    }

    /** The members of the admin group, when they are read from its entry (an empty set otherwise, or without one). */
    public Set<DN> adminMembers(LDAPInterface connection) throws DirectoryTrouble {
        LdapSettings settings = required();
        if (settings.adminGroup().isEmpty() || settings.groupMembership() != LdapSettings.GroupMembership.GROUP_ENTRY) {
            return Set.of();
        }
        String attribute = settings.attributes().groupMember();
        try {
            Entry group = connection.getEntry(settings.adminGroup().get().toString(), attribute);
            if (group == null) {
                LOG.warning(() -> "The admin group " + settings.adminGroup().get() + " (parley.ldap.admin-group) is not "
                        + "in the company directory: nobody is an admin by it");
                return Set.of();
            }
            Set<DN> members = new HashSet<>();
            for (String dn : Optional.ofNullable(group.getAttributeValues(attribute)).orElse(new String[0])) {
                members.add(PersonMapping.dn(dn));
            }
            return members;
        } catch (LDAPException e) {
            throw DirectoryTrouble.of(e, where(settings));
        }
    }

    /**
     * Runs {@code call} on a connection bound as the service account; once more on a new connection when
     * the pooled one had broken (the directory restarted since it was opened).
     */
    public <T> T asService(ServiceCall<T> call) throws DirectoryTrouble {
        try {
            return onPooledConnection(call);
        } catch (DirectoryTrouble e) {
            if (!e.connectionLost()) {
                throw e;
            }
            return onPooledConnection(call);
        }
    }

    private <T> T onPooledConnection(ServiceCall<T> call) throws DirectoryTrouble {
        LdapSettings settings = required();
        LDAPConnectionPool connections = pool(settings);
        LDAPConnection connection;
        try {
            connection = connections.getConnection();
        } catch (LDAPException e) {
            throw DirectoryTrouble.of(e, where(settings));
        }
        try {
            T answer = call.on(connection);
            connections.releaseConnection(connection);
            return answer;
        } catch (DirectoryTrouble | RuntimeException e) {
            connections.releaseDefunctConnection(connection);
            throw e;
        }
    }

    /** Work done on a connection bound as the service account. */
    @FunctionalInterface
    public interface ServiceCall<T> {
        T on(LDAPConnection connection) throws DirectoryTrouble;
    }

    /** What one page of a listing brings: the entries, and the admin group's members (see {@link #adminMembers}). */
    @FunctionalInterface
    public interface PageTaker {
        void take(List<SearchResultEntry> entries, Set<DN> admins);
    }

    /**
     * Lists every person under the base DN, a page of {@code parley.ldap.page-size} at a time (the Simple
     * Paged Results control, RFC 2696, required of the directory), handing each page to {@code taker}.
     * Answers how many entries were listed; throws when the listing could not be finished.
     */
    public int everyone(PageTaker taker) throws DirectoryTrouble {
        LdapSettings settings = required();
        if (!settings.hasServiceAccount()) {
            throw new DirectoryTrouble("syncing needs a service account: set parley.ldap.bind-dn and parley.ldap.bind-password");
        }
        return asService(connection -> {
            Set<DN> admins = adminMembers(connection);
            int listed = 0;
            ASN1OctetString cookie = null;
            try {
                do {
                    SearchRequest request = new SearchRequest(settings.baseDn().toString(), SearchScope.SUB,
                            settings.userFilter(), settings.attributes().requested());
                    request.setControls(new SimplePagedResultsControl(settings.pageSize(), cookie, true));
                    SearchResult result = connection.search(request);
                    listed += result.getEntryCount();
                    taker.take(result.getSearchEntries(), admins);
                    SimplePagedResultsControl paged = SimplePagedResultsControl.get(result);
                    cookie = paged == null ? null : paged.getCookie();
                } while (cookie != null && cookie.getValueLength() > 0);
            } catch (LDAPException e) {
                throw DirectoryTrouble.of(e, where(settings));
            }
            return listed;
        });
    }

    private LdapSettings required() throws DirectoryTrouble {
        return settings().orElseThrow(() -> new DirectoryTrouble("no company directory is configured (parley.ldap.url)"));
    }

    private synchronized SingleServerSet servers(LdapSettings settings) throws DirectoryTrouble {
        if (servers == null) {
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
            options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
            options.setBindWithDNRequiresPassword(true);
            if (settings.security() == LdapSettings.Security.PLAIN) {
                servers = new SingleServerSet(settings.host(), settings.port(), options);
                return servers;
            }
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            SSLUtil tls = new SSLUtil(trust(settings));
            try {
                servers = settings.security() == LdapSettings.Security.LDAPS
                        ? new SingleServerSet(settings.host(), settings.port(), tls.createSSLSocketFactory(), options)
                        : new SingleServerSet(settings.host(), settings.port(), null, options, null,
                                new StartTLSPostConnectProcessor(tls.createSSLContext()));
            } catch (GeneralSecurityException e) {
                throw new DirectoryTrouble("Parley cannot set up TLS for the company directory: " + e.getMessage());
            }
        }
        return servers;
    }

    private static X509TrustManager trust(LdapSettings settings) throws DirectoryTrouble {
        X509TrustManager issuers;
        if (settings.caFile().isPresent()) {
            try {
                issuers = new PEMFileTrustManager(settings.caFile().get().toFile());
            } catch (java.security.KeyStoreException e) {
                throw new DirectoryTrouble("parley.ldap.ca-file=" + settings.caFile().get()
                        + " holds no certificate Parley can read: " + e.getMessage());
            }
        } else {
            issuers = JVMDefaultTrustManager.getInstance();
        }
        // the issuers' check alone would accept an expired certificate that is itself the trusted one
        return new AggregateTrustManager(true, issuers, new ValidityDateTrustManager());
    }

    private synchronized LDAPConnectionPool pool(LdapSettings settings) throws DirectoryTrouble {
        if (pool == null) {
            try {
                pool = new LDAPConnectionPool(servers(settings), new SimpleBindRequest(settings.bindDn().get(),
                        settings.bindPassword().get()), 1, settings.poolSize());
                pool.setConnectionPoolName("parley-company-directory");
            } catch (LDAPException e) {
                throw DirectoryTrouble.of(e, where(settings));
            }
        }
        return pool;
    }

    private static String where(LdapSettings settings) {
        return settings.host() + ":" + settings.port();
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
