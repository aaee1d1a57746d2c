package org.parley.web.health;

import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;

/**
 * The last thing the container starts in the web module (web.xml: {@code load-on-startup} after the
 * Faces servlet, so after every listener, Faces' configuration and Tyrus' endpoints), which tells
 * {@link WebModuleHealth} that the pages are served. It has no URL of its own and answers nothing.
 */
public class WebModuleStarted extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WebModuleHealth health;

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        health.started();
    }
}
