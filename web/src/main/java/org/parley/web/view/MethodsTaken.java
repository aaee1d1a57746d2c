package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A filter in front of addresses that take the methods it is made with: it hands those on, answers {@code OPTIONS}
 * itself with them ({@code Allow}, no body), and any other method {@code 405} naming the same
 * ({@link EndpointRefusals#methodNotTaken}).
 */
abstract class MethodsTaken extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private final String allowed;
    private final Set<String> handedOn;

    /** {@code allowed}: the methods, as {@code Allow} names them, {@code OPTIONS} among them. */
    MethodsTaken(String allowed) {
        this.allowed = allowed;
        this.handedOn = Arrays.stream(allowed.split(", ")).filter(method -> !method.equals("OPTIONS"))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (handedOn.contains(request.getMethod())) {
            chain.doFilter(request, response);
        } else if (request.getMethod().equals("OPTIONS")) {
            response.setHeader("Allow", allowed);
        } else {
            EndpointRefusals.methodNotTaken(request, response, allowed);
        }
    }
}
