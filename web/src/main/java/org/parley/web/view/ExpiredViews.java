package org.parley.web.view;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import java.util.logging.Logger;

/**
 * A form sent with a view state this server does not have — the session ended, or the state was
 * made up — is the sender's trouble, not a server error: it is answered 400 with "This page has
 * expired" and a link back to the page, and logged as a plain notice. Every other exception goes
 * on to Faces' own handling.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** The request attribute holding the address of the page whose form expired. */
    static final String PAGE = "expiredPage";
    static final String VIEW = "/expired.xhtml";

    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new AnsweringHandler(getWrapped().getExceptionHandler(), ExpiredViews::answer);
    }

    private static boolean answer(ExceptionQueuedEventContext context) {
        ViewExpiredException expired = expired(context);
        if (expired == null) {
            return false;
        }
        showExpired(context.getContext(), expired);
        return true;
    }

    private static ViewExpiredException expired(ExceptionQueuedEventContext context) {
        for (Throwable cause = context.getException(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException expired) {
                return expired;
            }
        }
        return unrestorable(context) ? new ViewExpiredException("the view state cannot be restored",
                context.getException(), askedViewId(context.getContext())) : null;
    }

    /**
     * A form whose view state Faces cannot make a view of at all: a plain {@code FacesException}
     * while restoring the view of a postback ("Unable to restore view", as for a made-up
     * {@code stateless} state of a page that is not stateless). The sender's trouble too.
     */
    private static boolean unrestorable(ExceptionQueuedEventContext context) {
        return PhaseId.RESTORE_VIEW.equals(context.getPhaseId())
                && context.getException().getClass() == FacesException.class
                && context.getContext().getExternalContext().getRequestParameterMap()
                        .containsKey(ResponseStateManager.VIEW_STATE_PARAM);
    }

    /** The view the request asked for, as Faces names it ({@code /signin.xhtml}). */
    private static String askedViewId(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        String path = external.getRequestServletPath() + (external.getRequestPathInfo() == null ? "" : external.getRequestPathInfo());
        return faces.getApplication().getViewHandler().deriveLogicalViewId(faces, path);
    }

    private static void showExpired(FacesContext faces, ViewExpiredException expired) {
        ExternalContext external = faces.getExternalContext();
        ViewHandler views = faces.getApplication().getViewHandler();
        String viewId = expired.getViewId();
        LOG.info(() -> "A form of " + viewId + " came from " + Http.address(faces) + " with a view state this server"
                + " does not have (its session ended, or it was made up); answered 400 with the 'page expired' page");
        if (viewId != null) {
            external.getRequestMap().put(PAGE, external.encodeActionURL(views.getActionURL(faces, viewId)));
        }
        external.setResponseStatus(400);
        faces.setViewRoot(views.createView(faces, VIEW));
        faces.renderResponse();
    }
}
