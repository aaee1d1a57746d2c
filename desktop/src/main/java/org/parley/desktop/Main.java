package org.parley.desktop;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.desktop.auth.Account;
import org.parley.desktop.auth.SignIn;
import org.parley.desktop.auth.SignInException;
import org.parley.desktop.auth.TokenFile;
import org.parley.desktop.text.TextMode;
import org.parley.desktop.ui.Window;

/** {@code java -jar parley-desktop.jar}: reads the options, then runs the window or the text mode. */
public final class Main {

    static final URI LOCAL = URI.create("http://localhost:8080/");
    static final int WRONG_OPTION = 64;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // libraries log their failures with stack traces; the member gets sentences instead (-Dparley.debug=true shows them)
        if (!Boolean.getBoolean("parley.debug")) {
            Logger.getLogger("").setLevel(Level.OFF);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(WRONG_OPTION);
            return;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            System.exit(0);
        }
        Path folder = Optional.ofNullable(options.configFolder()).orElseGet(() -> TokenFile.defaultFolder(System.getenv()));
        TokenFile file = new TokenFile(folder);
        SignIn signIn = new SignIn(file, System.err::println);
        URI server = Optional.ofNullable(options.server()).or(signIn::savedServer).orElse(LOCAL);
        if (options.signOut()) {
            System.exit(signOut(signIn, server, file));
        }
        if (options.text()) {
            System.exit(new TextMode(System.in, out, options.json()).run(server, signIn));
        }
        Window.open(server, signIn, options.device(), options.idleAfter(), options.awayAfter(), options.sound());
    }

    private static int signOut(SignIn signIn, URI server, TokenFile file) {
        Optional<Account> kept = signIn.kept(server);
        if (kept.isEmpty()) {
            System.err.println("There is no kept sign-in for " + server + " in " + file.path() + ".");
            return 0;
        }
        try {
            kept.get().signOut();
            System.out.println("Signed out of " + server + ": the sign-in is revoked and deleted from " + file.path() + ".");
        } catch (IOException | SignInException e) {
            System.err.println("The kept sign-in is deleted, but " + server + " could not be told (" + e.getMessage()
                    + "); revoke it under Settings, Connected sites.");
        }
        return 0;
    }
}
