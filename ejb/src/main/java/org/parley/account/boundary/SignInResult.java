package org.parley.account.boundary;

import java.time.Duration;
import java.util.Set;

/** The outcome of a sign-in attempt, as the sign-in page needs it. */
public record SignInResult(Outcome outcome, String username, Set<String> groups, Duration retryAfter) {

    public enum Outcome { SIGNED_IN, WRONG_CREDENTIALS, DISABLED, SLOWED_DOWN }

    static SignInResult signedIn(String username, Set<String> groups) {
        return new SignInResult(Outcome.SIGNED_IN, username, groups, Duration.ZERO);
    }

    static SignInResult refused(Outcome outcome) {
        return new SignInResult(outcome, null, Set.of(), Duration.ZERO);
    }

    static SignInResult slowedDown(Duration retryAfter) {
        return new SignInResult(Outcome.SLOWED_DOWN, null, Set.of(), retryAfter);
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }
}
