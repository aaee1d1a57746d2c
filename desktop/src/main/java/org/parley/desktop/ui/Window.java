package org.parley.desktop.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.Image;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.text.BadLocationException;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.parley.desktop.auth.Account;
import org.parley.desktop.auth.SignIn;
import org.parley.desktop.auth.SignInException;
import org.parley.desktop.idle.IdleWatch;
import org.parley.desktop.protocol.ServerFrame;
import org.parley.desktop.protocol.Status;
import org.parley.desktop.session.ChatView;
import org.parley.desktop.session.ConnectionState;
import org.parley.desktop.session.Daemons;
import org.parley.desktop.session.Entry;
import org.parley.desktop.session.Session;
import org.parley.desktop.session.SessionEvent;
import org.parley.desktop.session.Snapshot;

/**
 * The main window: sign-in, then the member's name, CID, status and personal message, the open
 * conversations (visitor, verified badge, page, waiting time, unread), the selected conversation
 * with its delivery states and typing, and the offline messages. Components that tests look up
 * carry names ({@code conversations}, {@code transcript}, {@code reply}, {@code connection}, …).
 */
public final class Window {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final String SIGN_IN = "signin";
    private static final String SIGNED_IN = "main";

    private final URI server;
    private final SignIn signIn;
    private final boolean deviceOnly;
    private final Duration idleAfter;
    private final Duration awayAfter;
    private final JFrame frame = new JFrame("Parley");
    private final CardLayout cards = new CardLayout();
    private final JPanel root = new JPanel(cards);
    private final JLabel signInMessage = label("signin-message", " ");
    private final JButton browserButton = new JButton("Sign in with the browser");
    private final JButton codeButton = new JButton("Sign in with a code");
    private final JLabel me = label("me", " ");
    private final JLabel connection = label("connection", " ");
    private final JComboBox<Status> status = new JComboBox<>(Status.values());
    private final JTextField personalMessage = new JTextField(24);
    private final DefaultListModel<ChatView> chatModel = new DefaultListModel<>();
    private final JList<ChatView> chatList = new JList<>(chatModel);
    private final DefaultListModel<ServerFrame.OfflineNote> offlineModel = new DefaultListModel<>();
    private final JList<ServerFrame.OfflineNote> offlineList = new JList<>(offlineModel);
    private final JTabbedPane lists = new JTabbedPane();
    private final DefaultListModel<ServerFrame.Contact> contactModel = new DefaultListModel<>();
    private final JList<ServerFrame.Contact> contactList = new JList<>(contactModel);
    private final JTextField contactSearch = new JTextField();
    private final JLabel chatHeader = label("chat-header", " ");
    private final JTextPane transcript = new JTextPane();
    private final JLabel typingLabel = label("typing", " ");
    private final JTextField reply = new JTextField();
    private final JButton send = new JButton("Send");
    private final JButton closeChat = new JButton("Close conversation");
    private final Timer typingPause;
    private Session session;
    private Account account;
    private IdleWatch idle;
    private Snapshot shown;
    private String selected;
    /** A conversation the member just started with a colleague, selected as soon as the session lists it. */
    private String wanted;
    private boolean typing;
    private final Notifications.Desktop alerts = new Notifications.Desktop(() -> frame.toFront(), icon());
    private final Notifications notifications;

    private Window(URI server, SignIn signIn, boolean deviceOnly, Duration idleAfter, Duration awayAfter, boolean sound) {
        this.server = server;
        this.signIn = signIn;
        this.deviceOnly = deviceOnly;
        this.idleAfter = idleAfter;
        this.awayAfter = awayAfter;
        this.notifications = new Notifications(alerts, sound);
        typingPause = new Timer(3000, e -> stopTyping());
        typingPause.setRepeats(false);
    }

    /** A kept sign-in and the session started with it. */
    private record Started(Account account, Session session) {
    }

    /**
     * Opens the window (on the event thread) and signs in with the kept sign-in, if there is one. The
     * session starts at once beside Swing's start-up (renewing the token and opening the socket take
     * as long as drawing the first window), and the window joins it when shown. Answers the window.
     */
    public static CompletableFuture<Window> open(URI server, SignIn signIn, boolean deviceOnly, Duration idleAfter,
                                                 Duration awayAfter, boolean sound) {
        CompletableFuture<Optional<Started>> early = CompletableFuture.supplyAsync(() -> signIn.kept(server).map(account -> {
            Session session = Session.live(server, account);
            session.start();
            return new Started(account, session);
        }));
        CompletableFuture<Window> opened = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> {
            Theme.apply();
            Window window = new Window(server, signIn, deviceOnly, idleAfter, awayAfter, sound);
            window.build();
            opened.complete(window);
            early.thenAccept(kept -> SwingUtilities.invokeLater(() -> kept.ifPresentOrElse(
                    started -> window.attach(started.account(), started.session()),
                    () -> window.showSignIn("Sign in to " + server + "."))));
        });
        return opened;
    }

    public JFrame frame() {
        return frame;
    }

    private void build() {
        frame.setName("parley");
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                if (session != null) {
                    session.stop();
                }
                alerts.remove();
            }

            @Override
            public void windowActivated(java.awt.event.WindowEvent e) {
                if (session != null) {
                    session.viewing(selected);
                }
            }

            @Override
            public void windowDeactivated(java.awt.event.WindowEvent e) {
                if (session != null) {
                    session.viewing(null);
                }
            }
        });
        root.add(signInPanel(), SIGN_IN);
        root.add(mainPanel(), SIGNED_IN);
        frame.setContentPane(root);
        frame.setJMenuBar(menu());
        frame.setSize(860, 560);
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
    }

    private javax.swing.JMenuBar menu() {
        javax.swing.JMenuBar bar = new javax.swing.JMenuBar();
        javax.swing.JMenu file = new javax.swing.JMenu("Parley");
        javax.swing.JMenuItem signOut = new javax.swing.JMenuItem("Sign out");
        signOut.addActionListener(e -> signOut());
        javax.swing.JMenuItem dark = new javax.swing.JMenuItem("Light or dark");
        dark.addActionListener(e -> Theme.toggle(frame));
        javax.swing.JMenuItem quit = new javax.swing.JMenuItem("Quit");
        quit.addActionListener(e -> frame.dispose());
        file.add(signOut);
        file.add(dark);
        file.addSeparator();
        file.add(quit);
        bar.add(file);
        return bar;
    }

    private JPanel signInPanel() {
        JPanel panel = new JPanel(new GridLayout(0, 1, 8, 8));
        panel.setBorder(BorderFactory.createEmptyBorder(40, 60, 40, 60));
        panel.add(new JLabel("Parley"));
        panel.add(signInMessage);
        browserButton.setName("signin-browser");
        codeButton.setName("signin-code");
        browserButton.addActionListener(e -> signInWith(true));
        codeButton.addActionListener(e -> signInWith(false));
        panel.add(browserButton);
        panel.add(codeButton);
        return panel;
    }

    private JPanel mainPanel() {
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        status.setName("status");
        status.setSelectedItem(Status.ONLINE);
        status.addActionListener(e -> {
            if (session != null && status.getSelectedItem() instanceof Status chosen) {
                session.choose(chosen, null);
            }
        });
        personalMessage.setName("personal-message");
        personalMessage.setToolTipText("Personal message (Enter saves it)");
        personalMessage.putClientProperty("JTextField.placeholderText", "Personal message");
        personalMessage.addActionListener(e -> withSession(s -> s.choose((Status) status.getSelectedItem(),
                personalMessage.getText().strip())));
        top.add(me);
        top.add(status);
        top.add(personalMessage);
        JPanel header = new JPanel(new BorderLayout());
        header.add(top, BorderLayout.NORTH);
        connection.setBorder(BorderFactory.createEmptyBorder(2, 8, 4, 8));
        header.add(connection, BorderLayout.SOUTH);

        chatList.setName("conversations");
        chatList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        chatList.setCellRenderer(new ChatRenderer(() -> session == null ? Instant.now() : session.now()));
        chatList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && chatList.getSelectedValue() != null
                    && !chatList.getSelectedValue().id().equals(selected)) {
                select(chatList.getSelectedValue().id());
            }
        });
        offlineList.setName("offline");
        offlineList.setCellRenderer((list, note, index, selectedCell, focus) -> {
            JLabel cell = plainLabel(note.visitor().shown() + " \u00b7 " + CLOCK.format(note.at()) + ": " + note.text()
                    + (note.contact() == null ? "" : "  (" + note.via() + ")"));
            cell.setOpaque(true);
            cell.setBackground(selectedCell ? list.getSelectionBackground() : list.getBackground());
            return cell;
        });
        JButton markRead = new JButton("Mark read");
        markRead.setName("mark-read");
        markRead.addActionListener(e -> withSession(s -> s.markOfflineRead(offlineList.getSelectedValuesList().isEmpty()
                ? offlineNotes().stream().map(ServerFrame.OfflineNote::id).toList()
                : offlineList.getSelectedValuesList().stream().map(ServerFrame.OfflineNote::id).toList())));
        JPanel offline = new JPanel(new BorderLayout());
        offline.add(new JScrollPane(offlineList), BorderLayout.CENTER);
        offline.add(markRead, BorderLayout.SOUTH);
        lists.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
        lists.addTab("Conversations", new JScrollPane(chatList));
        lists.addTab("Offline", offline);
        lists.addTab("Contacts", contactsPanel());

        transcript.setName("transcript");
        transcript.setEditable(false);
        reply.setName("reply");
        reply.putClientProperty("JTextField.placeholderText", "Write an answer; Enter sends it");
        send.setName("send");
        closeChat.setName("close");
        reply.addActionListener(e -> sendReply());
        send.addActionListener(e -> sendReply());
        closeChat.addActionListener(e -> withSession(s -> Optional.ofNullable(selected).ifPresent(s::close)));
        reply.addKeyListener(new KeyAdapter() {
            @Override
            public void keyTyped(KeyEvent e) {
                if (e.getKeyChar() != '\n' && selected != null && session != null) {
                    if (!typing) {
                        typing = true;
                        session.typing(selected, true);
                    }
                    typingPause.restart();
                }
            }
        });
        JPanel compose = new JPanel(new BorderLayout(6, 0));
        compose.add(reply, BorderLayout.CENTER);
        compose.add(send, BorderLayout.EAST);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(typingLabel, BorderLayout.NORTH);
        bottom.add(compose, BorderLayout.CENTER);
        JPanel chatTop = new JPanel(new BorderLayout());
        chatTop.add(chatHeader, BorderLayout.CENTER);
        chatTop.add(closeChat, BorderLayout.EAST);
        JPanel chat = new JPanel(new BorderLayout(0, 6));
        chat.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        chat.add(chatTop, BorderLayout.NORTH);
        chat.add(new JScrollPane(transcript), BorderLayout.CENTER);
        chat.add(bottom, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, lists, chat);
        split.setDividerLocation(340);
        JPanel panel = new JPanel(new BorderLayout());
        panel.add(header, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        chatList.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                reply.requestFocusInWindow();
            }
        });
        enableChat(false);
        return panel;
    }

    /** Colleagues who share their presence, searchable; a double-click starts a conversation with one, here, as a verified visitor. */
    private JPanel contactsPanel() {
        contactList.setName("contacts");
        contactSearch.setName("contact-search");
        contactSearch.setToolTipText("Search by name or username");
        contactSearch.putClientProperty("JTextField.placeholderText", "Search contacts");
        contactSearch.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                drawContacts();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                drawContacts();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                drawContacts();
            }
        });
        contactList.setCellRenderer((list, contact, index, selectedCell, focus) -> {
            JLabel cell = plainLabel("\u25cf " + contact.displayName() + " (" + contact.username() + ") \u2014 "
                    + contact.presence().statusText()
                    + Optional.ofNullable(contact.presence().personalMessage()).map(m -> ", " + m).orElse(""));
            cell.setOpaque(true);
            cell.setBackground(selectedCell ? list.getSelectionBackground() : list.getBackground());
            cell.setForeground(contact.presence().status() == Status.OFFLINE ? UIManager.getColor("Label.disabledForeground")
                    : selectedCell ? list.getSelectionForeground() : list.getForeground());
            return cell;
        });
        contactList.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && contactList.getSelectedValue() != null) {
                    chatWith(contactList.getSelectedValue());
                }
            }
        });
        JPanel panel = new JPanel(new BorderLayout(0, 4));
        panel.add(contactSearch, BorderLayout.NORTH);
        panel.add(new JScrollPane(contactList), BorderLayout.CENTER);
        return panel;
    }

    /** A conversation with the colleague, here, in which the member writes as a verified visitor; it is shown once it is listed. */
    private void chatWith(ServerFrame.Contact contact) {
        if (session != null) {
            wanted = session.chatWith(contact);
            lists.setSelectedIndex(0);
            Optional.ofNullable(shown).flatMap(s -> s.chat(wanted)).ifPresent(open -> {
                select(wanted);
                wanted = null;
            });
        }
    }

    private void drawContacts() {
        String search = contactSearch.getText().strip().toLowerCase(Locale.ROOT);
        contactModel.clear();
        if (shown != null) {
            shown.contacts().stream().filter(c -> search.isEmpty() || c.displayName().toLowerCase(Locale.ROOT).contains(search)
                    || c.username().contains(search)).forEach(contactModel::addElement);
        }
    }

    // ---- signing in and out ---------------------------------------------------------------------

    private void showSignIn(String sentence) {
        signInMessage.setText(sentence);
        browserButton.setEnabled(!deviceOnly && org.parley.desktop.auth.BrowserSignIn.available());
        codeButton.setEnabled(true);
        cards.show(root, SIGN_IN);
        frame.setTitle("Parley");
    }

    private void signInWith(boolean browser) {
        browserButton.setEnabled(false);
        codeButton.setEnabled(false);
        signInMessage.setText(browser ? "Waiting for the browser…" : "Asking Parley for a code…");
        Daemons.run("parley-signin", () -> {
            try {
                Account signedIn = browser ? signIn.withBrowser(server, org.parley.desktop.auth.BrowserSignIn.SYSTEM) : signIn.withDeviceCode(server, code ->
                        SwingUtilities.invokeLater(() -> signInMessage.setText("Open " + code.verificationUri()
                                + " and enter the code " + code.userCode() + ".")));
                Session started = Session.live(server, signedIn);
                started.start();
                SwingUtilities.invokeLater(() -> attach(signedIn, started));
            } catch (SignInException e) {
                SwingUtilities.invokeLater(() -> showSignIn(e.getMessage()));
            } catch (IOException e) {
                SwingUtilities.invokeLater(() -> showSignIn("Cannot sign in: " + e.getMessage() + ". Check that Parley runs, then try again."));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Shows a session that has started (the listener first gets where it stands now). */
    private void attach(Account signedIn, Session started) {
        account = signedIn;
        session = started;
        connection.setText("Connecting to " + server + "…");
        cards.show(root, SIGNED_IN);
        session.addListener((snapshot, event) -> SwingUtilities.invokeLater(() -> changed(snapshot, event)));
        idle = IdleWatch.start(frame, idleAfter, awayAfter, session::automatic);
    }

    private void signOut() {
        if (session == null) {
            return;
        }
        session.stop();
        Account leaving = account;
        endSession();
        Daemons.run("parley-signout", () -> {
            String sentence;
            try {
                leaving.signOut();
                sentence = "Signed out: the sign-in is revoked and no longer kept on this computer.";
            } catch (IOException | SignInException e) {
                sentence = "Signed out on this computer; Parley could not be told, so revoke it under Connected sites.";
            }
            String said = sentence;
            SwingUtilities.invokeLater(() -> showSignIn(said));
        });
    }

    private void endSession() {
        if (idle != null) {
            idle.stop();
        }
        session = null;
        account = null;
        shown = null;
        selected = null;
        chatModel.clear();
        offlineModel.clear();
        contactModel.clear();
    }

    // ---- drawing the session --------------------------------------------------------------------

    private void changed(Snapshot snapshot, SessionEvent event) {
        if (session == null) {
            return;
        }
        if (snapshot.state() == ConnectionState.SIGNED_OUT) {
            endSession();
            showSignIn(snapshot.notice());
            return;
        }
        shown = snapshot;
        me.setText(Optional.ofNullable(snapshot.displayName()).map(n -> n + "  \u00b7  " + snapshot.cid()).orElse(" "));
        connection.setText(snapshot.state() == ConnectionState.ONLINE ? "Online" : snapshot.notice());
        connection.setForeground(snapshot.state() == ConnectionState.ONLINE ? UIManager.getColor("Label.foreground")
                : UIManager.getColor("Component.error.focusedBorderColor"));
        if (event instanceof SessionEvent.PresenceChanged p && status.getSelectedItem() != p.presence().status()
                && p.presence().status() != Status.IDLE && p.presence().status() != Status.AWAY) {
            status.setSelectedItem(p.presence().status());
        }
        if (event instanceof SessionEvent.SignedIn && snapshot.presence() != null
                && snapshot.presence().personalMessage() != null && personalMessage.getText().isEmpty()) {
            personalMessage.setText(snapshot.presence().personalMessage());
        }
        if (event instanceof SessionEvent.Notice notice) {
            connection.setText(notice.sentence());
        }
        refreshLists(snapshot);
        if (event instanceof SessionEvent.ContactsChanged || event instanceof SessionEvent.StateChanged) {
            drawContacts(); // a thousand rows: drawn again only when they changed
        }
        if (wanted != null && snapshot.chat(wanted).isPresent()) {
            select(wanted);
            wanted = null;
        } else if (selected == null && !snapshot.chats().isEmpty()) {
            select(snapshot.chats().get(0).id());
        } else {
            drawChat();
        }
        int unread = snapshot.unread();
        frame.setTitle(unread > 0 ? "(" + unread + ") Parley" : "Parley");
        notifications.on(frame.isActive(), snapshot, event);
    }

    private void refreshLists(Snapshot snapshot) {
        chatModel.clear();
        snapshot.chats().forEach(chatModel::addElement);
        offlineModel.clear();
        snapshot.offline().forEach(offlineModel::addElement);
        lists.setTitleAt(1, snapshot.offline().isEmpty() ? "Offline" : "Offline (" + snapshot.offline().size() + ")");
        for (int i = 0; i < chatModel.size(); i++) {
            if (chatModel.get(i).id().equals(selected)) {
                chatList.setSelectedIndex(i);
            }
        }
    }

    private void select(String chatId) {
        stopTyping();
        selected = chatId;
        if (frame.isActive()) {
            session.viewing(chatId);
        }
        drawChat();
    }

    private void drawChat() {
        Optional<ChatView> chat = Optional.ofNullable(shown).flatMap(s -> Optional.ofNullable(selected).flatMap(s::chat));
        if (chat.isEmpty()) {
            selected = null;
            chatHeader.setText(" ");
            transcript.setText("");
            typingLabel.setText(" ");
            enableChat(false);
            return;
        }
        ChatView view = chat.get();
        chatHeader.setText((view.outgoing() ? "To " : "") + view.visitor().shown() + Optional.ofNullable(view.visitor().cid()).map(c -> " \u00b7 CID " + c).orElse("")
                + Optional.ofNullable(view.page()).map(p -> " \u00b7 " + p).orElse("")
                + (view.ended() ? " \u00b7 ended (" + view.endedReason() + ")" : ""));
        StyledDocument document = transcript.getStyledDocument();
        SimpleAttributeSet name = new SimpleAttributeSet();
        StyleConstants.setBold(name, true);
        SimpleAttributeSet plain = new SimpleAttributeSet();
        SimpleAttributeSet state = new SimpleAttributeSet();
        StyleConstants.setItalic(state, true);
        StyleConstants.setForeground(state, UIManager.getColor("Label.disabledForeground"));
        try {
            document.remove(0, document.getLength());
            for (Entry entry : view.entries()) {
                document.insertString(document.getLength(), CLOCK.format(entry.at()) + "  ", state);
                document.insertString(document.getLength(), (entry.theirs() ? view.visitor().name() : "You") + ": ", name);
                document.insertString(document.getLength(), entry.text(), plain); // plain text: a document never reads markup
                document.insertString(document.getLength(), "  " + entry.delivery().words() + "\n", state);
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("appending to a document cannot fail", e);
        }
        transcript.setCaretPosition(document.getLength());
        typingLabel.setText(view.visitorTyping() ? view.visitor().name() + " is typing\u2026" : " ");
        enableChat(!view.ended());
        closeChat.setEnabled(true);
        closeChat.setText(view.ended() ? "Remove from list" : "Close conversation");
    }

    /** Runs an action on the session, if the member is signed in (a click may come just after signing out). */
    private void withSession(java.util.function.Consumer<Session> action) {
        if (session != null) {
            action.accept(session);
        }
    }

    private void enableChat(boolean enabled) {
        reply.setEnabled(enabled);
        send.setEnabled(enabled);
        closeChat.setEnabled(enabled);
    }

    private void sendReply() {
        String text = reply.getText();
        if (selected == null || text.isBlank() || session == null) {
            return;
        }
        session.send(selected, text); // kept and sent when Parley is back, if it is away now
        reply.setText("");
        stopTyping();
    }

    private void stopTyping() {
        typingPause.stop();
        if (typing && selected != null && session != null) {
            session.typing(selected, false);
        }
        typing = false;
    }

    private List<ServerFrame.OfflineNote> offlineNotes() {
        return shown == null ? List.of() : shown.offline();
    }

    // ---- notifications --------------------------------------------------------------------------

    private static Image icon() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0x2b6cb0));
        g.fillOval(1, 1, 14, 14);
        g.dispose();
        return image;
    }

    // ---- small helpers --------------------------------------------------------------------------

    private static JLabel label(String name, String text) {
        JLabel label = plainLabel(text);
        label.setName(name);
        return label;
    }

    /** A label that shows its text as it is: Swing would read text starting with {@code <html>} as markup. */
    static JLabel plainLabel(String text) {
        JLabel label = new JLabel(text);
        label.putClientProperty("html.disable", Boolean.TRUE);
        return label;
    }

    /** The computer's theme, light or dark ({@link SystemTheme}); the menu switches. */
    static final class Theme {

        private static boolean dark;

        static void apply() {
            dark = SystemTheme.here().dark();
            set();
        }

        static void toggle(Component window) {
            dark = !dark;
            set();
            SwingUtilities.updateComponentTreeUI(SwingUtilities.getWindowAncestor(window) == null ? window
                    : SwingUtilities.getWindowAncestor(window));
        }

        private static void set() {
            if (dark) {
                FlatDarkLaf.setup();
            } else {
                FlatLightLaf.setup();
            }
        }
    }
}
