package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.parley.monitoring.boundary.Operations;
import org.parley.web.socket.LiveSocket;
import org.parley.web.socket.SocketKind;
import org.parley.web.socket.SocketSessions;
import org.parley.web.view.Http;

/**
 * Backs {@code /admin/sessions}: every open socket (member clients, visitors' controls, directory
 * pages) from the socket registry in memory, and Disconnect, which the operations boundary audits
 * before the socket closes.
 */
@Named
@ViewScoped
public class SessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    transient SocketSessions sessions;

    @Inject
    transient Operations operations;

    @Inject
    transient FacesContext faces;

    private List<Row> rows;
    private List<Row> filtered;

    /** One socket as the table shows it (a copy: the socket itself stays in the registry). */
    public record Row(String id, SocketKind kind, String member, String address, Instant since, Instant lastActivity)
            implements Serializable {
    }

    @PostConstruct
    void load() {
        rows = sessions.live().stream()
                .map(s -> new Row(s.id(), s.kind(), s.member(), s.address(), s.since(), s.lastActivity()))
                .sorted(Comparator.comparing(Row::since)).toList();
        filtered = null;
    }

    public void refresh() {
        load();
    }

    public void disconnect(String id) {
        Optional<LiveSocket> socket = sessions.live().stream().filter(s -> s.id().equals(id)).findFirst();
        if (socket.isEmpty()) {
            OpsText.info(faces, "sessions.gone");
        } else {
            LiveSocket s = socket.get();
            String kind = OpsText.of(faces, "kind." + s.kind().name());
            try {
                operations.disconnect(s.id(), s.member(), s.kind().name().toLowerCase() + " socket " + s.id()
                        + (s.member() == null ? "" : " of " + s.member()) + " from " + s.address(), Http.address(faces));
                OpsText.info(faces, "sessions.disconnected", kind, s.member() == null ? "—" : s.member(), s.address());
            } catch (EJBException e) {
                OpsText.error(faces, null, "sessions.failed");
            }
        }
        load();
    }

    /** The table's filter: a row matches when its kind (in the page's words), member or address contains what was typed. */
    public boolean matches(Object value, Object filter, Locale locale) {
        String typed = filter == null ? "" : filter.toString().strip().toLowerCase(locale);
        if (typed.isEmpty()) {
            return true;
        }
        Row row = (Row) value;
        return Stream.of(OpsText.of(faces, "kind." + row.kind().name()), row.member(), row.address())
                .filter(Objects::nonNull).anyMatch(text -> text.toLowerCase(locale).contains(typed));
    }

    /** A moment of today or another day, to the second, on the server's clock. */
    public String time(Instant moment) {
        return TIME.format(moment);
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Row> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<Row> filtered) {
        this.filtered = filtered;
    }

    public SocketKind[] getKinds() {
        return SocketKind.values();
    }
}
