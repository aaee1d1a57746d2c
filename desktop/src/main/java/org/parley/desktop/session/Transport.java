package org.parley.desktop.session;

import java.net.URI;

/** Opens the member's socket. {@link #connect} returns at once; the outcome comes to the listener on any thread. */
public interface Transport {

    void connect(URI endpoint, String bearerToken, Listener listener);

    /** One open socket. */
    interface Link {

        void send(String text);

        void close();
    }

    /** Why a socket could not be opened; {@code sentence} is for the member. */
    enum Refusal {
        /** HTTP 401: the access token is not (or no longer) valid. */
        UNAUTHORIZED,
        /** Nothing answered, or the connection broke off. */
        UNREACHABLE,
        /** Something answered, but not as Parley's socket does (a wrong URL, another server). */
        NOT_PARLEY
    }

    interface Listener {

        void opened(Link link);

        void text(Link link, String text);

        void closed(Link link, int code, String reason);

        void refused(Refusal refusal, String sentence);
    }
}
