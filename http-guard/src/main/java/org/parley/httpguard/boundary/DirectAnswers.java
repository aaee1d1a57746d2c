package org.parley.httpguard.boundary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers an application has ready, given to the guard so that a plain {@code GET} for one is
 * answered in front of the web container, without the container's per-request work (its
 * authentication bridge, permission checks, invocation and request contexts). An application
 * registers an {@link Answerer} for a path prefix when it starts and closes the registration when
 * it stops; the guard asks it for requests under that prefix that carry no credential
 * ({@code Authorization}), no body and no upgrade, and hands the request on to the container
 * whenever the answerer has no answer. With no registration the guard answers nothing here.
 * <p>
 * The types are the JDK's only, so an application sees this class through the server's library
 * class loader without depending on Grizzly.
 */
public final class DirectAnswers {

    /** What the guard knows of a request: the path as written, from the context path on. */
    public record Request(String path, String query, String scheme, String host, String ifNoneMatch) {
    }

    /** A whole answer: status, content type, headers in order, and the body ({@code 304}: none). */
    public record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
    }

    /** Answers requests under a path prefix, or returns {@code null} to leave one to the container. */
    @FunctionalInterface
    public interface Answerer {
        Answer answer(Request request);
    }

    /** One application's answerer, called with the class loader it was registered from. */
    record Registration(String contextPath, String prefix, Answerer answerer, ClassLoader loader) implements AutoCloseable {

        @Override
        public void close() {
            REGISTRATIONS.remove(this);
        }
    }

    private static final List<Registration> REGISTRATIONS = new CopyOnWriteArrayList<>();
    private static volatile boolean inFront;

    private DirectAnswers() {
    }

    /**
     * Lets {@code answerer} answer requests whose path starts with {@code contextPath + prefix};
     * it is called with the calling thread's context class loader of now. Close what this returns
     * when the application stops.
     */
    public static AutoCloseable register(String contextPath, String prefix, Answerer answerer) {
        Registration registration = new Registration(contextPath, contextPath + prefix, answerer,
                Thread.currentThread().getContextClassLoader());
        REGISTRATIONS.add(registration);
        return registration;
    }

    /**
     * Whether the guard's filters are in front of the web container (the server was configured with
     * {@link GuardedPortUnification}); the library alone on the class path answers nothing.
     */
    public static boolean inFront() {
        return inFront;
    }

    static void placedInFront() {
        inFront = true;
    }

    /** The registration whose prefix the path starts with, or {@code null}. */
    static Registration forPath(String path) {
        for (Registration registration : REGISTRATIONS) {
            if (path.startsWith(registration.prefix())) {
                return registration;
            }
        }
        return null;
    }

    static boolean none() {
        return REGISTRATIONS.isEmpty();
    }
}
