package org.parley.web.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.parley.web.security.ClientAddress;
import org.parley.web.security.PublicAddress;

/**
 * What backing beans need from the HTTP exchange behind a Faces request and Faces has no words
 * for: where Parley itself answers, who asks from which address, and the answers 303, 400 and 404.
 */
public final class Http {

    /** The "not found" page (also the container's 404 error page, web.xml). */
    static final String NOT_FOUND_VIEW = "/notfound.xhtml";

    private Http() {
    }

    public static HttpServletRequest request(FacesContext faces) {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    /**
     * Parley's origin, {@code scheme://host[:port]}: {@code parley.public-url} when set, else the request's own (the port
     * only when it is not the scheme's default; {@link PublicAddress}).
     */
    public static String origin(HttpServletRequest request) {
        return PublicAddress.configured().origin(request);
    }

    /**
     * Where Parley's pages live as seen by this request: the origin and the context path. With
     * Parley at the root (as it ships) this is the origin itself.
     */
    public static String base(FacesContext faces) {
        HttpServletRequest request = request(faces);
        return origin(request) + request.getContextPath();
    }

    /**
     * The caller's address, for the audit trail and the sign-in throttle: behind a trusted reverse
     * proxy the client's, from {@code X-Forwarded-For} (see {@link ClientAddress}).
     */
    public static String address(FacesContext faces) {
        return ClientAddress.configured().of(request(faces));
    }

    /** The signed-in member's username, or null. */
    public static String remoteUser(FacesContext faces) {
        return faces.getExternalContext().getRemoteUser();
    }

    /**
     * The first parameter whose name matches {@code name} in any case: legacy embed code spells
     * its parameters in many ways ({@code returnurl}, {@code ReturnURL}, …).
     */
    public static String parameterIgnoringCase(FacesContext faces, String name) {
        for (Map.Entry<String, String> parameter : faces.getExternalContext().getRequestParameterMap().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(name)) {
                return parameter.getValue();
            }
        }
        return null;
    }

    /** Answers {@code 303 See Other} to {@code location} and ends the Faces request. */
    public static void seeOther(FacesContext faces, String location) {
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(303);
        external.setResponseHeader("Location", location);
        faces.responseComplete();
    }

    /** The page renders, with this status ({@code 400} for a request Parley will not act on). */
    public static void status(FacesContext faces, int status) {
        faces.getExternalContext().setResponseStatus(status);
    }

    /**
     * Answers 404 with Parley's "not found" page, rendered by this Faces request. (Sending the error
     * instead makes the container render the error page inside the Faces request, and Faces then
     * logs a WARNING that the response was committed: a line in the log for every wrong address.)
     */
    public static void notFound(FacesContext faces) {
        faces.getExternalContext().setResponseStatus(404);
        faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, NOT_FOUND_VIEW));
        faces.renderResponse();
    }

    /** Pages where one click grants something must not be framed by another site (clickjacking). */
    public static void noFraming(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        external.setResponseHeader("X-Frame-Options", "DENY");
        external.setResponseHeader("Content-Security-Policy", "frame-ancestors 'none'");
    }

    /** Pages that show a secret once must not be kept by the browser or a proxy. */
    public static void noStore(FacesContext faces) {
        faces.getExternalContext().setResponseHeader("Cache-Control", "no-store");
    }

    /**
     * {@code url} with query parameters appended (names and values alternating; a null value is
     * left out), after any query it already has and before any fragment.
     */
    public static String withQuery(String url, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        int hash = url.indexOf('#');
        StringBuilder result = new StringBuilder(hash < 0 ? url : url.substring(0, hash));
        String separator = result.indexOf("?") < 0 ? "?"
                : result.charAt(result.length() - 1) == '?' || result.charAt(result.length() - 1) == '&' ? "" : "&";
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                result.append(separator).append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
                separator = "&";
            }
        }
        return result.append(hash < 0 ? "" : url.substring(hash)).toString();
    }

    /** RFC 3986 query encoding: spaces as {@code %20}; {@code @} stays, so {@code id=CID@DOMAIN} reads as legacy code expects. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
