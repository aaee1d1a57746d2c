package org.parley.account.boundary;

import java.time.Duration;
import java.util.Set;

/**
 * The outcome of a sign-in attempt, as the sign-in page needs it; a signed-in one carries the
 * member's session generation, which the new session keeps (see {@link org.parley.account.entity.DirectoryEntry}).
 */
public record SignInResult(Outcome outcome, String username, Set<String> groups, Duration retryAfter,
                           int sessionGeneration) {

    /**
     * {@code ACCOUNT_CONFLICT}: a source signed the person in, but their username belongs to another member
     * (a person in two places); {@code SOURCE_UNAVAILABLE}: the source that checks the password did not answer.
     */
    public enum Outcome { SIGNED_IN, WRONG_CREDENTIALS, DISABLED, SLOWED_DOWN, ACCOUNT_CONFLICT, SOURCE_UNAVAILABLE }

    static SignInResult signedIn(String username, Set<String> groups, int sessionGeneration) {
        return new SignInResult(Outcome.SIGNED_IN, username, groups, Duration.ZERO, sessionGeneration);
    }

    static SignInResult refused(Outcome outcome) {
        return new SignInResult(outcome, null, Set.of(), Duration.ZERO, 0);
    }

    static SignInResult slowedDown(Duration retryAfter) {
        return new SignInResult(Outcome.SLOWED_DOWN, null, Set.of(), retryAfter, 0);
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }
}
