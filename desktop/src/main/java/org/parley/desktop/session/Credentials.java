package org.parley.desktop.session;

import java.io.IOException;

/** Where the session gets its access tokens (the auth package, against the server's token endpoint). */
public interface Credentials {

    /** The access token held now. */
    AccessToken current();

    /**
     * A new access token from the refresh token (called off the session thread; it may block).
     *
     * @throws SignedOutException the refresh token no longer works: the member must sign in again
     * @throws IOException        the server could not be asked; try again later
     */
    AccessToken refresh() throws SignedOutException, IOException;
}
