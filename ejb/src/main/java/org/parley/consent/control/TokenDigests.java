package org.parley.consent.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token values and their hashes: a token is 256 random bits (base64url), stored only as its
 * SHA-256 hash; hashes are compared in constant time.
 */
public final class TokenDigests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenDigests() {
    }

    /** A new token value: 32 bytes from SecureRandom, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Constant-time comparison of two hashes (false when either is missing). */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code token} hashes to {@code expectedHash}, compared in constant time. */
    public static boolean matches(String token, String expectedHash) {
        return token != null && sameHash(of(token), expectedHash);
    }
}
