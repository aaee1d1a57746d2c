package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.parley.audit.boundary.Audit;
import org.parley.audit.entity.AuditEntry;
import org.parley.audit.entity.AuditQuery;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code /admin/audit}: the audit trail filtered by actor, action and a time range (in the
 * server's time zone), newest first, one page at a time; and the filtered entries as a CSV file.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most entries one CSV file holds; a filter that finds more asks the admin to narrow it. */
    static final int EXPORT_MAX = 100_000;
    private static final int EXPORT_PAGE = 1000;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());

    @EJB
    Audit audit;

    @Inject
    FacesContext faces;

    private String actor;
    private String action;
    private LocalDateTime from;
    private LocalDateTime to;

    private AuditQuery applied = AuditQuery.EVERYTHING;
    private LazyDataModel<AuditEntry> entries;

    @PostConstruct
    void init() {
        entries = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) Math.min(Integer.MAX_VALUE, audit.count(applied));
            }

            @Override
            public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                boolean oldestFirst = sortBy.values().stream().anyMatch(s -> s.getOrder() == SortOrder.ASCENDING);
                return audit.search(applied, oldestFirst, first, pageSize);
            }

            @Override
            public String getRowKey(AuditEntry entry) {
                return entry.getId();
            }
        };
    }

    /** The view parameters (a link such as {@code /admin/audit?actor=admin}) apply at once. */
    public void applyParameters() {
        filter();
    }

    public void filter() {
        if (from != null && to != null && !to.isAfter(from)) {
            AdminText.error(faces, "filter:to", AdminText.get(faces, "audit.toBeforeFrom"));
            return;
        }
        applied = new AuditQuery(actor, action, instant(from), instant(to));
    }

    /** The entries the filter finds, oldest first, as a CSV file; the filter applies as it stands in the form. */
    public void export() throws IOException {
        filter();
        if (faces.isValidationFailed()) {
            return;
        }
        long count = audit.count(applied);
        if (count > EXPORT_MAX) {
            AdminText.error(faces, null, AdminText.get(faces, "audit.exportTooMany", count, EXPORT_MAX));
            return;
        }
        // oldest first: an entry written meanwhile comes after the last one counted, and shifts no page
        CsvFile csv = new CsvFile().row(List.of("at", "actor", "action", "subject", "address", "detail"));
        for (int first = 0; first < count; first += EXPORT_PAGE) {
            List<AuditEntry> page = audit.search(applied, true, first, EXPORT_PAGE);
            for (AuditEntry e : page.subList(0, (int) Math.min(page.size(), count - first))) {
                csv.row(List.of(CSV_TIME.format(e.getAt()), e.getActor(), e.getAction(), nonNull(e.getSubject()),
                        nonNull(e.getAddress()), nonNull(e.getDetail())));
            }
        }
        Faces.sendFile(csv.bytes(), "parley-audit.csv", true);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The labels of the time range say the server's time zone, in which its times are read. */
    public String getFromLabel() {
        return AdminText.get(faces, "audit.from", ZoneId.systemDefault().getId());
    }

    public String getToLabel() {
        return AdminText.get(faces, "audit.to", ZoneId.systemDefault().getId());
    }

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
