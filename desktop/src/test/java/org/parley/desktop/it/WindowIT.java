package org.parley.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.desktop.auth.SignIn;
import org.parley.desktop.auth.TokenFile;
import org.parley.desktop.idle.LastInput;
import org.parley.desktop.protocol.ServerFrames;
import org.parley.desktop.session.ChatView;
import org.parley.desktop.ui.Window;

/**
 * The window on a virtual X display (Debian's Xvfb; failsafe gives this JVM {@code DISPLAY=:71}),
 * driven by the Swing robot: a visitor's conversation appears in the list, the member types an
 * answer with the keyboard, sees it sent, and a revoked sign-in brings back the sign-in page.
 * The screenshot is kept as {@code target/screenshots/desktop-window.png}.
 */
@ExtendWith(LocalParley.Shared.class)
class WindowIT {

    @TempDir
    Path config;

    @BeforeAll
    static void display() throws IOException {
        String display = System.getenv("DISPLAY");
        // -terminate: Xvfb ends when this JVM's connection closes; killing it first would make Xlib end the JVM (an XIO error)
        new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-terminate")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
        Waiting.until(Duration.ofSeconds(30), () -> Files.exists(socket), () -> "Xvfb did not open " + display);
    }

    @Test
    void aMemberAnswersAVisitorFromTheWindowAndSeesItSent(LocalParley parley) throws Exception {
        MemberPages member = MemberPages.newMember(parley.base(), "Katherine Johnson");
        try (TextClient first = TextClient.signedIn(parley.base(), config, member)) {
            first.command("/quit"); // the sign-in stays kept, as after any run
            assertEquals(0, first.exit());
        }
        Window window = Window.open(parley.base(), new SignIn(new TokenFile(config), sentence -> { }), true, Duration.ZERO,
                Duration.ofMinutes(15), false).get(30, TimeUnit.SECONDS);
        try (VisitorSocket visitor = VisitorSocket.named(parley.base(), member.cid(), "Dora")) {
            JLabel connection = find(window, "connection", JLabel.class);
            waitFor(() -> onEdt(connection::getText).equals("Online"), () -> "the window shows " + onEdt(connection::getText));

            long seq = visitor.say("Hello from the intranet <script>alert(1)</script>").getJsonNumber("seq").longValue();
            @SuppressWarnings("unchecked")
            JList<ChatView> chats = find(window, "conversations", JList.class);
            waitFor(() -> onEdt(() -> chats.getModel().getSize()) == 1, () -> "no conversation listed");
            assertEquals("Dora", onEdt(() -> chats.getModel().getElementAt(0).visitor().name()));
            JTextPane transcript = find(window, "transcript", JTextPane.class);
            waitFor(() -> onEdt(transcript::getText).contains("Dora: Hello from the intranet <script>alert(1)</script>"),
                    () -> "the transcript shows " + onEdt(transcript::getText));
            visitor.awaitReceipt(seq, "delivered");

            Robot robot = new Robot();
            robot.setAutoDelay(15);
            JTextField reply = find(window, "reply", JTextField.class);
            Point at = onEdt(() -> {
                Point corner = reply.getLocationOnScreen();
                return new Point(corner.x + 20, corner.y + reply.getHeight() / 2);
            });
            robot.mouseMove(at.x, at.y);
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            waitFor(() -> onEdt(reply::isFocusOwner), () -> "the reply field did not take the focus");
            type(robot, "hi dora, how can i help");
            robot.keyPress(KeyEvent.VK_ENTER);
            robot.keyRelease(KeyEvent.VK_ENTER);

            long answer = visitor.awaitMessage("hi dora, how can i help").getJsonNumber("seq").longValue();
            waitFor(() -> onEdt(transcript::getText).contains("You: hi dora, how can i help  sent"),
                    () -> "the transcript shows " + onEdt(transcript::getText));
            visitor.send("{\"type\":\"received\",\"seq\":" + answer + ",\"read\":true}"); // Dora's control shows it
            waitFor(() -> onEdt(transcript::getText).contains("You: hi dora, how can i help  read"),
                    () -> "the transcript shows " + onEdt(transcript::getText));
            String shown = onEdt(transcript::getText);
            assertTrue(shown.contains("Dora: Hello from the intranet <script>alert(1)</script>  read"), shown);
            screenshot(window, robot);

            String refreshToken;
            try (var reader = ServerFrames.JSON.createReader(Files.newBufferedReader(config.resolve("credentials.json")))) {
                refreshToken = reader.readObject().getString("refresh_token");
            }
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(parley.base().resolve("oauth/revoke"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=parley-desktop&token=" + refreshToken)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JLabel signIn = find(window, "signin-message", JLabel.class);
            waitFor(() -> onEdt(() -> signIn.isShowing() && signIn.getText().startsWith("You were signed out")),
                    () -> "the sign-in page does not show; it says " + onEdt(signIn::getText));
        } finally {
            SwingUtilities.invokeAndWait(() -> window.frame().dispose());
        }
    }

    @Test
    void theComputersIdleTimeIsReadFromTheXServer() throws Exception {
        LastInput input = LastInput.best();
        assertEquals("X11Input", input.getClass().getSimpleName(), "XScreenSaver (libXss) answers on this display");
        Robot robot = new Robot();
        robot.mouseMove(40, 40);
        robot.mouseMove(60, 60);
        robot.waitForIdle();
        Duration idle = input.idle().orElseThrow();
        assertTrue(idle.compareTo(Duration.ofSeconds(5)) < 0, "input just now, yet idle for " + idle);
    }

    private static void type(Robot robot, String text) {
        for (char c : text.toCharArray()) {
            int key = switch (c) {
                case ' ' -> KeyEvent.VK_SPACE;
                case ',' -> KeyEvent.VK_COMMA;
                default -> KeyEvent.getExtendedKeyCodeForChar(c);
            };
            robot.keyPress(key);
            robot.keyRelease(key);
        }
    }

    private static void screenshot(Window window, Robot robot) throws Exception {
        java.awt.Rectangle bounds = onEdt(() -> window.frame().getBounds());
        Path file = Path.of(System.getProperty("parley.it.work")).resolveSibling("screenshots").resolve("desktop-window.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(robot.createScreenCapture(bounds), "png", file.toFile());
    }

    private static <T extends Component> T find(Window window, String name, Class<T> type) {
        return onEdt(() -> type.cast(search(window.frame(), name)));
    }

    private static Component search(Container container, String name) {
        for (Component child : container.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container inner) {
                Component found = search(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void waitFor(Supplier<Boolean> done, Supplier<String> otherwise) {
        Waiting.until(Duration.ofSeconds(30), done::get, otherwise);
    }

    private static <T> T onEdt(Supplier<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> value.set(read.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return value.get();
    }
}
