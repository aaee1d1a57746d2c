package org.parley.web.view;

import jakarta.servlet.annotation.WebFilter;

/**
 * The pages — the Faces pages, a contact point's page ({@code /contact/…}) and the OpenID sign-in's address
 * ({@code /signin/oidc}) — take {@code GET}, {@code HEAD}, {@code POST} (their forms) and {@code OPTIONS}, which says
 * so; any other method is answered {@code 405} with the same {@code Allow}. Faces rendered the whole page for an
 * {@code OPTIONS}, without {@code Allow}; without the HTTP guard in front (which answers {@code PUT} and the like
 * {@code 501}), Faces rendered the page for a {@code PUT} or a {@code DELETE} too, and the two servlets answered those
 * with the container's HTML error page and a {@code PATCH} with 501.
 */
@WebFilter(filterName = "PageMethods", servletNames = {"Faces Servlet", "org.parley.web.view.contact.ContactServlet",
        "org.parley.web.security.OpenIdSignInServlet"})
public class PageMethods extends TakenMethodsFilter {

    private static final long serialVersionUID = 1L;

    public PageMethods() {
        super(TakenMethods.PAGES);
    }
}
