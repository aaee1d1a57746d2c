package org.parley.web.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The methods an address takes, as {@code Allow} names them: {@code OPTIONS} is answered with them (no body), any other
 * method {@code 405} naming the same in the format of the endpoint ({@link EndpointRefusals}), and what the address
 * takes goes on to it.
 */
public final class TakenMethods {

    /** An address that only answers: {@code GET}, {@code HEAD} and {@code OPTIONS}. */
    public static final TakenMethods READING = new TakenMethods("GET, HEAD, OPTIONS");
    /** A page, with its forms: {@code GET}, {@code HEAD}, {@code POST} and {@code OPTIONS}. */
    public static final TakenMethods PAGES = new TakenMethods("GET, HEAD, POST, OPTIONS");

    private final String allowed;
    private final Set<String> goOn;

    private TakenMethods(String allowed) {
        this.allowed = allowed;
        this.goOn = Arrays.stream(allowed.split(", ")).filter(method -> !method.equals("OPTIONS"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code request} goes on to its address: not when it was answered here ({@code OPTIONS}, or a method not taken). */
    public boolean goesOn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (goOn.contains(request.getMethod())) {
            return true;
        }
        response.setHeader("Allow", allowed);
        if (!request.getMethod().equals("OPTIONS")) {
            EndpointRefusals.write(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "This endpoint does not take this method.");
        }
        return false;
    }
}
