package org.parley.web.view.people;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ties a chat control to the member's own public profile page. A member may show a chat control
 * there without sharing on the web; then only that page's control reaches them. The profile page
 * puts a pass in the control's address ({@code pt=EXPIRY.MAC}: the expiry in epoch seconds and an
 * HMAC-SHA256 over the CID and the expiry), the control hands it to its socket, and the socket
 * admits the profile's reach only with an unexpired pass for that very CID. The key is made at
 * start-up and lives in memory only: a restart (or another node) makes old passes worthless, and
 * loading the profile again gives a new one. A pass is good for {@link #VALIDITY}; an open control
 * gets a fresh one in every {@code hello} for its reconnects. The same passes pin a contact point's
 * control to the member it was routed to, issued for {@code NAME/CID} (never a CID alone, so such a
 * pass opens no profile's way in).
 */
@ApplicationScoped
public class ProfilePasses {

    /** How long a profile page's pass opens a control's socket. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);
    /** The longest pass worth reading: 19 digits, a dot and 43 base64url characters, with room to spare. */
    public static final int MAX_LENGTH = 80;

    private static final String ALGORITHM = "HmacSHA256";

    private final Clock clock;
    private SecretKeySpec key;

    public ProfilePasses() {
        this(Clock.systemUTC());
    }

    ProfilePasses(Clock clock) {
        this.clock = clock;
    }

    @PostConstruct
    void makeKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** A pass for the control on the profile of the member with this CID. */
    public String issue(String cid) {
        return write(cid, clock.instant().plus(VALIDITY).getEpochSecond());
    }

    /**
     * Whether {@code pass} is one of ours, for this CID, and not expired. It must be exactly what
     * {@link #issue} wrote, compared in constant time: a decoder would also take other spellings
     * of the same expiry and MAC (a leading zero, a last base64 character that differs only in its
     * unused bits), so a changed pass could still pass.
     */
    public boolean admits(String cid, String pass) {
        if (pass == null || pass.length() > MAX_LENGTH) {
            return false;
        }
        int dot = pass.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(pass.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(write(cid, expiry).getBytes(StandardCharsets.US_ASCII),
                pass.getBytes(StandardCharsets.US_ASCII)) && clock.instant().getEpochSecond() < expiry;
    }

    private String write(String cid, long expiry) {
        return expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(cid, expiry));
    }

    private byte[] mac(String cid, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((cid + "." + expiry).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
