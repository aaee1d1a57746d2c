package org.parley.account.entity;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A member's public presence ID: 16 upper-case hex digits (64 random bits), written
 * {@code CID@DOMAIN} where a legacy parameter wants it; the part after {@code @} is ignored.
 */
public final class Cid {

    public static final int LENGTH = 16;
    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{16}");
    private static final int ATTEMPTS = 16;

    private Cid() {
    }

    /** A new random CID from the given (secure) random source. */
    public static String random(RandomGenerator random) {
        return HexFormat.of().withUpperCase().toHexDigits(random.nextLong());
    }

    /** A new random CID that {@code taken} says nobody has yet. */
    public static String unique(RandomGenerator random, Predicate<String> taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = random(random);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free CID after " + ATTEMPTS + " attempts: is the random source broken?");
    }

    public static boolean isValid(String cid) {
        return cid != null && FORMAT.matcher(cid).matches();
    }

    /** The CID in {@code CID} or {@code CID@DOMAIN} (hex digits in either case), if it is one. */
    public static Optional<String> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int at = id.indexOf('@');
        String cid = (at >= 0 ? id.substring(0, at) : id).trim().toUpperCase(Locale.ROOT);
        return isValid(cid) ? Optional.of(cid) : Optional.empty();
    }
}
