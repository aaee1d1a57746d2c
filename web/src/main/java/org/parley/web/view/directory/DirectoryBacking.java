package org.parley.web.view.directory;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.control.DirectoryIndex;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.DirectoryOrder;
import org.parley.account.entity.DirectoryPage;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code /directory} (signed-in members): the colleagues who share their presence on the
 * intranet, searched by name, title or department, a page at a time from the in-memory member
 * directory ({@link MemberDirectory#search}): paging, sorting and every keystroke of a search cost
 * one pass over memory, never a database query. Each row carries the status as it is now; the page's
 * script keeps it live over {@code /ws/presence}. Chat opens the IM control as the signed-in member,
 * whom it shows to the colleague as verified.
 */
@Named
@ViewScoped
public class DirectoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A page never holds more than one {@code watch} frame of {@code /ws/presence} can follow. */
    static final int MAX_ROWS = 200;

    /** The table, for going back to its first page when the search changes. */
    static final String TABLE = "directory:colleagues";

    @EJB
    MemberDirectory directory;

    @EJB
    PresenceRegistry presences;

    @Inject
    FacesContext faces;

    private String query;
    private final LazyDataModel<Colleague> colleagues = new Colleagues();

    /** Opening the page (with {@code ?q=} or without): says so when the search was cut. */
    public void opened() {
        sayIfCut();
    }

    /** A new search: from the first page, in the order the table is sorted. */
    public void search() {
        UIComponent table = faces.getViewRoot().findComponent(TABLE);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
        sayIfCut();
    }

    private void sayIfCut() {
        if (query != null && query.length() > DirectoryIndex.MAX_QUERY) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    Texts.from(faces, "directoryText", "directory.search.cut", DirectoryIndex.MAX_QUERY), null));
        }
    }

    /** How many colleagues match the search: counted once per request, for the table and the words above it. */
    public int getFound() {
        return (Integer) faces.getAttributes().computeIfAbsent(List.of(DirectoryBacking.class, String.valueOf(query)),
                key -> directory.search(query, DirectoryOrder.NAME, false, 0, 0).total());
    }

    /** Whether the member looking is listed themself (they share their presence on the web). */
    public boolean isListed() {
        return directory.byUsername(Http.remoteUser(faces)).filter(DirectoryEntry::visibleOnTheWeb).isPresent();
    }

    public LazyDataModel<Colleague> getColleagues() {
        return colleagues;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    private Colleague colleague(DirectoryEntry member, String me, Locale culture, String root) {
        return new Colleague(member.username(), member.displayName(), member.title(), member.department(),
                PresenceBadge.of(member.cid(), presences.presenceOf(member.username()), culture),
                member.username().equals(me), Texts.from(faces, "directoryText", "directory.chatWith", member.displayName()),
                Http.withQuery(root + "/conversation/imme", "invitee", member.cid(), "mkt", culture.toLanguageTag()));
    }

    /** The table's rows, one page at a time, from memory. */
    private final class Colleagues extends LazyDataModel<Colleague> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return getFound();
        }

        @Override
        public List<Colleague> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            DirectoryOrder order = sort == null ? DirectoryOrder.NAME : switch (sort.getField()) {
                case "title" -> DirectoryOrder.TITLE;
                case "department" -> DirectoryOrder.DEPARTMENT;
                default -> DirectoryOrder.NAME;
            };
            boolean descending = sort != null && sort.getOrder() == SortOrder.DESCENDING;
            DirectoryPage page = directory.search(query, order, descending, first, Math.min(pageSize, MAX_ROWS));
            setRowCount(page.total());
            Locale culture = faces.getViewRoot().getLocale();
            String me = Http.remoteUser(faces);
            String root = Http.request(faces).getContextPath();
            return page.entries().stream().map(member -> colleague(member, me, culture, root)).toList();
        }

        @Override
        public String getRowKey(Colleague colleague) {
            return colleague.getUsername();
        }
    }
}
