package org.parley.desktop.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * RFC 8628: shows the member a code and the {@code /device} page, then polls the token endpoint at
 * the interval the server asked for (5 s longer after each {@code slow_down}) until the member
 * approves, denies, or the code expires.
 */
public final class DeviceSignIn {

    private final OAuth oauth;

    public DeviceSignIn(OAuth oauth) {
        this.oauth = oauth;
    }

    /** Signs in; {@code show} gets the code to confirm as soon as there is one. Blocks until the member decided. */
    public Grant signIn(Consumer<OAuth.DeviceCode> show) throws IOException, SignInException, InterruptedException {
        OAuth.DeviceCode code = oauth.startDevice();
        show.accept(code);
        Duration interval = code.interval();
        long deadline = System.nanoTime() + code.expiresIn().toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis()); // RFC 8628 §3.5: the client must wait this long between polls
            try {
                return oauth.pollDevice(code.deviceCode());
            } catch (OAuth.OAuthError e) {
                switch (e.code()) {
                    case "authorization_pending" -> { }
                    case "slow_down" -> interval = interval.plusSeconds(5);
                    case "access_denied" -> throw new SignInException("The sign-in was denied on the device page.");
                    case "expired_token" -> throw new SignInException("The code expired before it was confirmed; start again.");
                    default -> throw new SignInException("Parley refused the sign-in: " + e.getMessage() + ".");
                }
            }
        }
        throw new SignInException("The code expired before it was confirmed; start again.");
    }
}
