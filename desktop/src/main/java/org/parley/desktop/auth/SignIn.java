package org.parley.desktop.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/** Finds the member's sign-in at start: the one kept from an earlier run for this server, else a new one (browser or device code). */
public final class SignIn {

    private final TokenFile file;
    private final Consumer<String> warn;

    public SignIn(TokenFile file, Consumer<String> warn) {
        this.file = file;
        this.warn = warn;
    }

    /** The server kept with the last sign-in, for a start without {@code --server}. */
    public Optional<URI> savedServer() {
        return saved().map(TokenFile.Saved::server);
    }

    /** The kept sign-in for {@code server}, if any; the session renews it when it connects. */
    public Optional<Account> kept(URI server) {
        return saved().filter(s -> s.server().equals(server))
                .map(s -> Account.saved(new OAuth(server, Clock.systemUTC()), file, s.refreshToken()));
    }

    /** A new sign-in with the device grant; {@code show} gets the code and page for the member. */
    public Account withDeviceCode(URI server, Consumer<OAuth.DeviceCode> show)
            throws IOException, SignInException, InterruptedException {
        OAuth oauth = new OAuth(server, Clock.systemUTC());
        return Account.granted(oauth, file, new DeviceSignIn(oauth).signIn(show));
    }

    /** A new sign-in in the member's browser ({@link BrowserSignIn#SYSTEM}). */
    public Account withBrowser(URI server, BrowserSignIn.Browser browser) throws IOException, SignInException, InterruptedException {
        OAuth oauth = new OAuth(server, Clock.systemUTC());
        return Account.granted(oauth, file, new BrowserSignIn(oauth, browser).signIn());
    }

    private Optional<TokenFile.Saved> saved() {
        try {
            return file.read();
        } catch (SignInException e) {
            warn.accept(e.getMessage());
            return Optional.empty();
        }
    }
}
