package org.parley.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.PasswordHash;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one password hasher: PBKDF2 with HMAC-SHA-512. Each stored hash carries its own
 * algorithm, iteration count and salt, so raising {@code parley.password.iterations} later
 * keeps every existing password valid.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "parley.password.iterations", defaultValue = "210000")
    int iterations;

    private String decoyHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoyHash = hash.generate(randomPassword(24).toCharArray());
    }

    public PasswordHash hasher() {
        return hash;
    }

    /** Spends the time a real check takes, so an unknown username answers as slowly as a wrong password. */
    public void verifyDecoy(char[] password) {
        hash.verify(password == null ? new char[0] : password, decoyHash);
    }

    /** A random password of letters and digits, for a first administrator nobody configured. */
    public static String randomPassword(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
