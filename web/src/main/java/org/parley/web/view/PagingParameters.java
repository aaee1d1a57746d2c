package org.parley.web.view;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Logger;
import org.parley.web.i18n.Texts;
import org.primefaces.component.api.UIPageableData;

/**
 * The page of a table a request asks for (PrimeFaces' {@code <table>_first} and {@code <table>_rows}, sent with {@code
 * <table>_pagination}) must be one the table offers: a first row that is a number of at least 0, and a number of rows
 * among those it lets a person choose (its {@code rowsPerPageTemplate}, else its {@code rows}). PrimeFaces checked them
 * only while it wrote the table, and threw: the answer was a broken partial response naming the exception
 * ("java.lang.IllegalArgumentException", "java.lang.NumberFormatException") and the log got a SEVERE line with its
 * stack, for any member who forged the numbers on {@code /directory}. Such a request is now answered {@code 400} in the
 * page's language before anything is done, and logged at FINE.
 */
public class PagingParameters implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PagingParameters.class.getName());
    private static final String PAGINATION = "_pagination";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (!faces.isPostback() || faces.getViewRoot() == null) {
            return;
        }
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        for (String name : parameters.keySet()) {
            if (!name.endsWith(PAGINATION)) {
                continue;
            }
            String table = name.substring(0, name.length() - PAGINATION.length());
            UIComponent found = table.isEmpty() ? null : faces.getViewRoot().findComponent(":" + table);
            if (found instanceof UIPageableData pageable && pageable.isPaginator()
                    && !offered(parameters.get(table + "_first"), parameters.get(table + "_rows"),
                    pageable.getRowsPerPageTemplate(), pageable.getRows())) {
                refuse(faces, table);
                return;
            }
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the view is restored
    }

    /**
     * Whether {@code first} and {@code rows} (as sent; {@code rows} may be absent) name a page the table offers: its
     * {@code template} of rows per page ({@code "10,25,50"}, with {@code "*"} when it offers {@code {ShowAll|…}}), or
     * without one its {@code tableRows}.
     */
    static boolean offered(String first, String rows, String template, int tableRows) {
        if (first == null || !first.matches("[0-9]{1,9}")) {
            return false;
        }
        if (rows == null) {
            return true;
        }
        if (template != null) {
            for (String choice : template.split("[,]+")) {
                String offered = choice.trim();
                if (offered.equals(rows) && offered.matches("[1-9][0-9]{0,8}")
                        || offered.startsWith("{ShowAll|") && rows.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        return tableRows > 0 && Integer.toString(tableRows).equals(rows);
    }

    private static void refuse(FacesContext faces, String table) {
        LOG.fine(() -> "Answered 400 to a request from " + Http.address(faces) + " for a page of the table " + table
                + " that the table does not offer");
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(400);
        external.setResponseContentType("text/plain;charset=UTF-8");
        try {
            external.getResponseOutputWriter().write(Texts.of(faces, "pagingForged") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
