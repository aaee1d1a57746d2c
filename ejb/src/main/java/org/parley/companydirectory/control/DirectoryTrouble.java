package org.parley.companydirectory.control;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** The company directory could not be used; the message says why in an admin's words (never a password). */
public class DirectoryTrouble extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the connection broke (the directory restarted, a firewall dropped it): a new one may do. */
    private final boolean connectionLost;

    public DirectoryTrouble(String message) {
        this(message, false);
    }

    private DirectoryTrouble(String message, boolean connectionLost) {
        super(message);
        this.connectionLost = connectionLost;
    }

    /** What went wrong talking to {@code where}, from the SDK's exception. */
    static DirectoryTrouble of(LDAPException e, String where) {
        return new DirectoryTrouble(words(e, where), !ResultCode.isConnectionUsable(e.getResultCode()));
    }

    boolean connectionLost() {
        return connectionLost;
    }

    static String words(LDAPException e, String where) {
        String detail = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
        if (causedBy(e, CertificateExpiredException.class) || mentions(e, "expired") || mentions(e, "validity window")) {
            return "the company directory's certificate at " + where + " has expired or is not yet valid (" + detail + ")";
        }
        if (causedBy(e, CertificateException.class) || causedBy(e, SSLException.class) || mentions(e, "certificate")
                || mentions(e, "hostname")) {
            return "the company directory's certificate at " + where + " is not trusted: check parley.ldap.ca-file and "
                    + "that the certificate names the host in parley.ldap.url (" + detail + ")";
        }
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS) {
            // people's own binds are answered apart: this is the service account's
            return "the company directory at " + where + " refused Parley's service account: check parley.ldap.bind-dn "
                    + "and parley.ldap.bind-password";
        }
        if (code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT
                || code == ResultCode.UNAVAILABLE || code == ResultCode.BUSY) {
            return "the company directory does not answer at " + where + " (" + detail + ")";
        }
        return "the company directory at " + where + " answered " + code.getName() + " (" + detail + ")";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }
}
