package org.parley.web.view;

import jakarta.servlet.annotation.WebFilter;

/**
 * The files the container serves as they are ({@code /embed/presence.js}, the presence icons) take what a
 * {@link GetOnlyServlet} takes: {@code GET} and {@code HEAD}, and {@code OPTIONS} tells so. The container's own servlet
 * answered a {@code POST} with the file, and {@code OPTIONS} with {@code PUT} and {@code DELETE}, which it refuses.
 */
@WebFilter(filterName = "StaticFilesOnlyRead", servletNames = "default")
public class StaticFilesOnlyRead extends TakenMethodsFilter {

    private static final long serialVersionUID = 1L;

    public StaticFilesOnlyRead() {
        super(TakenMethods.READING);
    }
}
