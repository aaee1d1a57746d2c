package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The files the container serves as they are ({@code /embed/presence.js}, the presence icons) take what a
 * {@link GetOnlyServlet} takes: {@code GET} and {@code HEAD}, and {@code OPTIONS} tells so. The container's own servlet
 * answered a {@code POST} with the file, and {@code OPTIONS} with {@code PUT} and {@code DELETE}, which it refuses. It
 * sees a {@code Range} only when that asks for one range of bytes ({@link ByteRanges}).
 */
@WebFilter(filterName = "StaticFilesOnlyRead", servletNames = "default")
public class StaticFilesOnlyRead extends TakenMethodsFilter {

    private static final long serialVersionUID = 1L;

    public StaticFilesOnlyRead() {
        super(TakenMethods.READING);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        super.doFilter(ByteRanges.oneAtMost(request), response, chain);
    }
}
