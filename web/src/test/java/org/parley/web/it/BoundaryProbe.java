package org.parley.web.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.parley.account.boundary.Members;
import org.parley.account.entity.Role;
import org.parley.audit.boundary.Audit;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.Consents;
import org.parley.contact.boundary.ContactPoints;
import org.parley.monitoring.boundary.Operations;
import org.parley.settings.boundary.Settings;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingsRefusedException;

/**
 * Test-only: calls one admin boundary method as whoever asks ({@code /it/boundaries?call=…}, with
 * their session), and answers {@code allowed}, {@code refused} (the role check said no) or
 * {@code invalid} (the call passed the role check and was refused for its arguments, nothing changed);
 * or ({@code call=every-admin-method}) calls every administrator's method of every boundary.
 */
@WebServlet("/it/boundaries")
public class BoundaryProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Every boundary with methods for administrators only. */
    private static final List<Class<?>> ADMIN_BOUNDARIES = List.of(Members.class, Audit.class, Applications.class,
            Consents.class, Settings.class, Operations.class, ContactPoints.class);
    /** The empty value of each primitive type, to call a method with empty arguments. */
    private static final Map<Class<?>, Object> EMPTY = Map.of(boolean.class, false, char.class, '\0', byte.class,
            (byte) 0, short.class, (short) 0, int.class, 0, long.class, 0L, float.class, 0f, double.class, 0d);

    @Inject
    transient Settings settings;

    @Inject
    transient Operations operations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("every-admin-method".equals(request.getParameter("call"))) {
            response.setContentType("text/plain");
            response.getWriter().write(String.join("\n", everyAdminMethod()));
            return;
        }
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

    /**
     * Calls every method for administrators of every boundary that has some (with empty arguments:
     * the role check comes first), one line each: the method and {@code refused}, or what happened instead.
     */
    private static List<String> everyAdminMethod() {
        List<String> lines = new ArrayList<>();
        for (Class<?> boundary : ADMIN_BOUNDARIES) {
            Object bean = CDI.current().select(boundary).get();
            for (Method method : boundary.getMethods()) {
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                if (roles == null || !Arrays.asList(roles.value()).contains(Role.ADMIN_GROUP)) {
                    continue;
                }
                String outcome;
                try {
                    method.invoke(bean, Arrays.stream(method.getParameterTypes()).map(BoundaryProbe::empty).toArray());
                    outcome = "ran";
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause() instanceof EJBException ejb && ejb.getCausedByException() != null
                            ? ejb.getCausedByException() : e.getCause();
                    outcome = cause instanceof EJBAccessException || cause instanceof AccessLocalException
                            ? "refused" : cause.toString();
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    outcome = e.toString();
                }
                lines.add(boundary.getSimpleName() + "." + method.getName() + " " + outcome);
            }
        }
        return lines;
    }

    private static Object empty(Class<?> type) {
        return EMPTY.get(type); // null for every reference type
    }
}
