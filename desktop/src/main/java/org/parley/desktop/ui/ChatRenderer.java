package org.parley.desktop.ui;

import java.awt.Component;
import java.awt.GridLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import org.parley.desktop.session.ChatView;

/** One row of the conversation list: the visitor (with the verified badge and username), the page, how long they wait, the unread count. */
final class ChatRenderer implements ListCellRenderer<ChatView> {

    private final Supplier<Instant> now;
    private final JPanel row = new JPanel(new GridLayout(0, 1));
    private final JLabel who = Window.plainLabel("");
    private final JLabel where = Window.plainLabel("");

    ChatRenderer(Supplier<Instant> now) {
        this.now = now;
        row.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        row.add(who);
        row.add(where);
        who.setFont(who.getFont().deriveFont(java.awt.Font.BOLD));
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ChatView> list, ChatView chat, int index, boolean selected,
                                                  boolean focused) {
        String badge = chat.visitor().verified() ? "\u2714 " : "";
        who.setText(badge + chat.visitor().shown() + (chat.unread() > 0 ? "  (" + chat.unread() + ")" : ""));
        long minutes = Math.max(0, Duration.between(chat.startedAt(), now.get()).toMinutes());
        where.setText((chat.outgoing() ? "you write as a visitor \u00b7 " : "") + Optional.ofNullable(chat.page()).map(p -> p + " \u00b7 ").orElse("")
                + (chat.ended() ? "ended" : minutes + " min"));
        row.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        who.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        where.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
        return row;
    }
}
