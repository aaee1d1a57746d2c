package org.parley.web.view;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * A Faces exception handler that lets {@code answer} answer each queued exception it recognises (it
 * shows a page and says true) and passes every other one on to the handler it wraps.
 */
final class AnsweringHandler extends ExceptionHandlerWrapper {

    private final Predicate<ExceptionQueuedEventContext> answer;

    AnsweringHandler(ExceptionHandler wrapped, Predicate<ExceptionQueuedEventContext> answer) {
        super(wrapped);
        this.answer = answer;
    }

    @Override
    public void handle() {
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            if (answer.test(events.next().getContext())) {
                events.remove();
            }
        }
        getWrapped().handle();
    }
}
