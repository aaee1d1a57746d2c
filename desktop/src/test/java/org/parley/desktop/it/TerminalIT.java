package org.parley.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text mode in a real terminal: tmux gives it a pseudo-terminal; the test reads the screen
 * ({@code capture-pane}) and types ({@code send-keys}) as a member at a terminal does.
 */
@ExtendWith(LocalParley.Shared.class)
class TerminalIT {

    @TempDir
    Path config;

    @Test
    void aMemberAtATerminalReadsAVisitorAndAnswers(LocalParley parley) {
        MemberPages member = MemberPages.newMember(parley.base(), "Mary Jackson");
        try (TextClient first = TextClient.signedIn(parley.base(), config, member)) {
            first.command("/quit");
            assertEquals(0, first.exit());
        }
        String session = "parley-it-" + ProcessHandle.current().pid();
        tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40",
                Path.of(System.getProperty("java.home"), "bin", "java") + " -Xmx96m -jar " + System.getProperty("parley.desktopJar")
                        + " --text --server " + parley.base() + " --config " + config);
        try (VisitorSocket visitor = VisitorSocket.named(parley.base(), member.cid(), "Eve")) {
            screenShows(session, "Signed in as Mary Jackson");
            visitor.say("Hello terminal");
            screenShows(session, "[1] New conversation with Eve.");
            screenShows(session, ": Hello terminal");
            tmux("send-keys", "-t", session, "/reply 1 Hi Eve, from a terminal", "Enter");
            visitor.awaitMessage("Hi Eve, from a terminal");
            screenShows(session, "[1] sent: Hi Eve, from a terminal");
            tmux("send-keys", "-t", session, "/list", "Enter");
            screenShows(session, "[1] Eve, 0 min");
        } finally {
            tmux("kill-session", "-t", session);
        }
    }

    private static void screenShows(String session, String text) {
        Waiting.until(Duration.ofSeconds(60), () -> tmux("capture-pane", "-p", "-t", session).contains(text),
                () -> "the terminal does not show \"" + text + "\"; it shows:\n" + tmux("capture-pane", "-p", "-t", session));
    }

    private static String tmux(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("tmux", "-L", "parley-it"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
