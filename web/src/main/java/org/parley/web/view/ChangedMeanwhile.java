package org.parley.web.view;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.persistence.OptimisticLockException;
import java.util.logging.Logger;
import org.parley.web.i18n.Texts;

/**
 * Two people, or two tabs, saving the same thing at the same moment: the database keeps the first
 * save, and the second one's transaction fails on the row's version. That is nobody's fault and no
 * server error: the page is shown again with what was sent, answered 409 with "changed at the same
 * moment, not saved; send it again", and logged as a plain notice. Every other exception goes on
 * to the next handler.
 */
public class ChangedMeanwhile extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(ChangedMeanwhile.class.getName());

    public ChangedMeanwhile(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new AnsweringHandler(getWrapped().getExceptionHandler(), ChangedMeanwhile::answer);
    }

    private static boolean answer(ExceptionQueuedEventContext context) {
        FacesContext faces = context.getContext();
        if (!changedMeanwhile(context.getException()) || faces.getViewRoot() == null
                || PhaseId.RENDER_RESPONSE.equals(context.getPhaseId())) {
            return false;
        }
        showAgain(faces);
        return true;
    }

    /**
     * Whether a concurrent change of the same row is what made {@code failure}: JPA's exception, somewhere
     * under the EJB container's and the transaction manager's wrapping.
     */
    static boolean changedMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static void showAgain(FacesContext faces) {
        String viewId = faces.getViewRoot().getViewId();
        LOG.info(() -> "A form of " + viewId + " from " + Http.address(faces) + " changed what someone else changed at"
                + " the same moment; it was not saved, and the page asks to send it again (409)");
        faces.getExternalContext().setResponseStatus(409);
        faces.addMessage(null, Texts.error(faces, "changedMeanwhile"));
        faces.renderResponse();
    }
}
