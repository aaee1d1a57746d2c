package org.parley.web.it;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;
import org.parley.monitoring.boundary.Operations;
import org.parley.settings.boundary.Settings;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingsRefusedException;

/**
 * Test-only: calls one admin boundary method as whoever asks ({@code /it/boundaries?call=…}, with
 * their session), and answers {@code allowed}, {@code refused} (the role check said no) or
 * {@code invalid} (the call passed the role check and was refused for its arguments, nothing changed).
 */
@WebServlet("/it/boundaries")
public class BoundaryProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Settings settings;

    @Inject
    transient Operations operations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            switch (request.getParameter("call")) {
                case "settings.now" -> settings.now();
                case "settings.configured" -> settings.configured(Setting.ACCESS_TTL);
                case "settings.change" -> settings.change(Map.of(Setting.ACCESS_TTL, "PT-1S"), "127.0.0.1");
                case "operations.figures" -> operations.figures();
                case "operations.disconnect" -> operations.disconnect("", null, "", "127.0.0.1");
                default -> throw new IllegalArgumentException("no such call");
            }
            answer = "allowed";
        } catch (SettingsRefusedException | ConstraintViolationException e) {
            answer = "invalid";
        } catch (EJBAccessException e) {
            answer = "refused";
        } catch (EJBException e) {
            answer = e.getCause() instanceof ConstraintViolationException ? "invalid"
                    : e.getCausedByException() instanceof EJBAccessException ? "refused" : "failed: " + e;
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }
}
