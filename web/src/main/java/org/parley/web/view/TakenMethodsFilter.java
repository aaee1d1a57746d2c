package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A filter in front of addresses that take {@link TakenMethods}: it answers the others, and hands those on. */
abstract class TakenMethodsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private final transient TakenMethods methods;

    TakenMethodsFilter(TakenMethods methods) {
        this.methods = methods;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (methods.goesOn(request, response)) {
            chain.doFilter(request, response);
        }
    }
}
