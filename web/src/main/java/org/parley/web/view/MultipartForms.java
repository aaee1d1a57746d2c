package org.parley.web.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import org.parley.web.security.ClientAddress;

/**
 * A form sent to a page as {@code multipart/form-data} (the members' CSV import is the only one Parley shows) is read
 * here, before Faces looks at it: a body the container cannot read (no boundary, cut short, a part without its headers)
 * answers {@code 400}, and a file over the container's limit ({@code multipart-config} in {@code web.xml}: 4 MiB a file,
 * 5 MiB in all; the import page itself refuses a file over 1 MiB with a message) {@code 413}, in plain text as
 * {@link PercentEscapes} answers a bad query. Faces read such a body first (OmniFaces' view scope asks for a parameter),
 * and the container's exception became a {@code 500} and a WARNING with its stack, on any page, for anyone.
 */
@WebFilter(filterName = "MultipartForms", servletNames = "Faces Servlet")
public class MultipartForms extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MultipartForms.class.getName());

    static final String UNREADABLE = "Bad request: the form's multipart body cannot be read.";
    static final String TOO_LARGE = "The form is larger than Parley takes: a file of at most 4 MiB, 5 MiB in all.";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParts();
        } catch (IllegalStateException tooLarge) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, tooLarge);
            return;
        } catch (IOException | ServletException unreadable) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, UNREADABLE, unreadable);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String sentence,
            Exception why) throws IOException {
        LOG.fine(() -> "Answered " + status + " to a form sent to " + request.getRequestURI() + " from "
                + ClientAddress.configured().of(request) + ": " + why);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Connection", "close"); // what is left of the body is not read
        response.getWriter().write(sentence + "\n");
    }
}
