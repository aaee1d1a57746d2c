package org.parley.web.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * A {@code Content-Type} that is no media type at all ({@code %zz/;;;}) makes JAX-RS give up on
 * the request before any of Parley's filters sees it, with the server's HTML error page. The
 * APIs answer it here instead, in their own format: RFC 6749 §5.2 {@code invalid_request} JSON.
 */
@WebFilter(filterName = "ContentTypes", urlPatterns = {"/oauth/token", "/oauth/revoke", "/oauth/device", "/api/*"})
public class ContentTypes extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (readable(request.getHeader("Content-Type"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.getOutputStream().write(OAuthErrors.body("invalid_request",
                "The Content-Type header cannot be read; send application/x-www-form-urlencoded."));
    }

    static boolean readable(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
