package org.parley.desktop;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The command line, read once; a mistake is an {@link IllegalArgumentException} with a sentence for the member. */
record Options(URI server, boolean text, boolean json, boolean device, Path configFolder, Duration idleAfter,
               Duration awayAfter, boolean sound, boolean signOut, boolean help) {

    static final String USAGE = """
            Usage: java -jar parley-desktop.jar [options]

              --server URL        the Parley server (default: the one signed in to last, else http://localhost:8080/)
              --text              text mode for terminals: commands on standard input, events on standard output
              --json              with --text: one JSON event per line on standard output, for scripts
              --device            sign in with a code confirmed on the server's /device page (no browser needed;
                                  the text mode always does)
              --config DIR        where the sign-in is kept (default: $XDG_CONFIG_HOME/parley or the platform's folder)
              --idle-after MIN    minutes without keyboard or mouse activity before the status turns Idle (default 5, 0 = never)
              --away-after MIN    minutes before it turns Away (default 15)
              --no-sound          no sound with notifications
              --sign-out          revoke the kept sign-in at the server, delete it, and exit
              --help              this text

            Text mode commands: /status [STATUS [personal message]], /list, /show N, /reply N TEXT, /close N,
            /offline, /read N|all, /contacts [SEARCH], /chat USERNAME [TEXT] (write to a colleague as a verified
            visitor), /help, /quit, /signout.
            Exit status: 0 after /quit, 2 when signing in fails or the member is signed out, 64 for a wrong option.
            """;

    static Options parse(List<String> args) {
        URI server = null;
        boolean text = false;
        boolean json = false;
        boolean device = false;
        Path config = null;
        Duration idle = Duration.ofMinutes(5);
        Duration away = Duration.ofMinutes(15);
        boolean sound = true;
        boolean signOut = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--server" -> server = server(value(args, ++i, arg));
                case "--text" -> text = true;
                case "--json" -> json = true;
                case "--device" -> device = true;
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--idle-after" -> idle = minutes(value(args, ++i, arg), arg);
                case "--away-after" -> away = minutes(value(args, ++i, arg), arg);
                case "--no-sound" -> sound = false;
                case "--sign-out" -> signOut = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; --help lists the options.");
            }
        }
        if (json && !text) {
            text = true;
        }
        return new Options(server, text, json, device || text, config, idle, away, sound, signOut, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value; --help lists the options.");
        }
        return args.get(i);
    }

    private static URI server(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value : value + "/");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("--server wants an address like http://parley.intranet:8080/, not " + value + ".");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server wants an address like http://parley.intranet:8080/, not " + value + ".");
        }
    }

    private static Duration minutes(String value, String option) {
        try {
            long minutes = Long.parseLong(value);
            if (minutes < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMinutes(minutes);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants whole minutes, 0 or more, not " + value + ".");
        }
    }
}
