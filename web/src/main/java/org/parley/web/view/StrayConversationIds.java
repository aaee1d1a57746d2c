package org.parley.web.view;

import jakarta.enterprise.context.Conversation;
import jakarta.enterprise.context.NonexistentConversationException;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Parley keeps no CDI conversations, yet the container reads a page request's {@code cid} parameter as the id of one
 * to restore: with any {@code cid} (a link copied from another application, a probe), restoring failed while the page
 * was being written ({@link NonexistentConversationException}, from the container's view handler), and every page
 * answered the server error page with a stack trace in the log. Before a page is built, this asks for the
 * conversation once when the request names one: the failure comes then, and is answered as CDI says, with a new
 * transient conversation for the rest of the request; the page is shown as without the parameter.
 */
public class StrayConversationIds implements PhaseListener {

    private static final Logger LOG = Logger.getLogger(StrayConversationIds.class.getName());
    /** The parameter the container restores a conversation from (Weld's, the CDI implementation of the server). */
    private static final String PARAMETER = "cid";

    @Inject
    Conversation conversation;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        if (!event.getFacesContext().getExternalContext().getRequestParameterMap().containsKey(PARAMETER)) {
            return;
        }
        try {
            conversation.isTransient();
        } catch (NonexistentConversationException e) {
            LOG.fine(() -> "A page request named a conversation (cid) Parley does not keep; the page is shown without it");
        }
    }
}
