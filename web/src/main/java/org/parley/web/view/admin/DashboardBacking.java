package org.parley.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.monitoring.boundary.Operations;
import org.parley.monitoring.entity.Figures;
import org.parley.web.json.JsonBuilders;
import org.parley.web.socket.LiveSocket;
import org.parley.web.socket.SocketKind;
import org.parley.web.socket.SocketSessions;

/**
 * Backs {@code /admin} (the dashboard): members online, open conversations, messages per minute
 * over the last hour, connected clients by kind, database health. Everything but the database
 * probe comes from memory; the page polls it every few seconds.
 */
@Named
@RequestScoped
public class DashboardBacking {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    @EJB
    Operations operations;

    @Inject
    SocketSessions sessions;

    @Inject
    FacesContext faces;

    private Figures figures;
    private Map<SocketKind, Integer> byKind;

    /** One kind of client and how many are connected. */
    public record KindCount(SocketKind kind, int count) {
    }

    public Figures getFigures() {
        if (figures == null) {
            figures = operations.figures();
        }
        return figures;
    }

    public int getMembersOnline() {
        return sessions.membersOnline();
    }

    public List<KindCount> getClients() {
        if (byKind == null) {
            byKind = new EnumMap<>(SocketKind.class);
            Arrays.stream(SocketKind.values()).forEach(kind -> byKind.put(kind, 0));
            for (LiveSocket socket : sessions.live()) {
                byKind.merge(socket.kind(), 1, Integer::sum);
            }
        }
        return byKind.entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList();
    }

    /** Messages in the minute under way. */
    public long getThisMinute() {
        List<Long> perMinute = getFigures().perMinute();
        return perMinute.get(perMinute.size() - 1);
    }

    /** The chart's Chart.js configuration: messages per minute over the last hour, a line with a point per minute. */
    public String getChart() {
        Figures now = getFigures();
        JsonArrayBuilder labels = JsonBuilders.array();
        JsonArrayBuilder counts = JsonBuilders.array();
        int minutes = now.perMinute().size();
        for (int i = 0; i < minutes; i++) {
            labels.add(MINUTE.format(now.lastMinute().minusSeconds(60L * (minutes - 1 - i))));
            counts.add(now.perMinute().get(i));
        }
        String series = OpsText.of(faces, "dashboard.chart.series");
        return JsonBuilders.object()
                .add("type", "line")
                .add("data", JsonBuilders.object().add("labels", labels).add("datasets", JsonBuilders.array()
                        .add(JsonBuilders.object().add("label", series).add("data", counts)
                                .add("borderColor", "#1f5fa8").add("backgroundColor", "#1f5fa8")
                                .add("pointRadius", 1).add("tension", 0))))
                .add("options", JsonBuilders.object().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", JsonBuilders.object().add("y", JsonBuilders.object().add("beginAtZero", true)
                                .add("ticks", JsonBuilders.object().add("precision", 0)))))
                .build().toString();
    }
}
