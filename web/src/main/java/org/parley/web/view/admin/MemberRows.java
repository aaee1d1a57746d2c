package org.parley.web.view.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.util.List;
import java.util.Map;
import org.parley.account.boundary.Members;
import org.parley.account.entity.Member;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The members list one page at a time, as the database finds and sorts it (never the whole table).
 * A row's buttons act on the member shown in that row: until the page is rendered again, the page
 * already shown is answered from memory, so that a member created or renamed meanwhile by somebody
 * else cannot shift the rows under the admin's click.
 */
class MemberRows extends LazyDataModel<Member> {

    private static final long serialVersionUID = 1L;

    private final Members members;
    private final SearchText search;

    /** The search text of the page, read at each load. */
    interface SearchText extends java.io.Serializable {
        String get();
    }

    private String shownKey;
    private List<Member> shown;

    MemberRows(Members members, SearchText search) {
        this.members = members;
        this.search = search;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, members.count(search.get()));
    }

    @Override
    public List<Member> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? "username" : sort.getField();
        boolean descending = sort != null && sort.getOrder() == SortOrder.DESCENDING;
        String key = first + "/" + pageSize + "/" + field + "/" + descending + "/" + search.get();
        boolean rendering = FacesContext.getCurrentInstance().getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
        if (rendering || !key.equals(shownKey)) {
            shown = members.search(search.get(), field, descending, first, pageSize);
            shownKey = key;
        }
        return shown;
    }

    @Override
    public String getRowKey(Member member) {
        return member.getUsername();
    }
}
