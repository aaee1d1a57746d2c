package org.parley.desktop.auth;

import java.io.IOException;
import java.net.URI;
import org.parley.desktop.session.AccessToken;
import org.parley.desktop.session.Credentials;
import org.parley.desktop.session.SignedOutException;

/**
 * The member's sign-in while the client runs: the access token in memory, the refresh token in
 * memory and in the {@link TokenFile} (rewritten at every rotation). A refresh token the server
 * refuses signs the member out and deletes the file, since it can never work again.
 */
public final class Account implements Credentials {

    private final OAuth oauth;
    private final TokenFile file;
    private volatile AccessToken access;
    private volatile String refreshToken;

    private Account(OAuth oauth, TokenFile file) {
        this.oauth = oauth;
        this.file = file;
    }

    /** A sign-in just made: its tokens are kept at once. */
    public static Account granted(OAuth oauth, TokenFile file, Grant grant) throws IOException {
        Account account = new Account(oauth, file);
        account.keep(grant);
        return account;
    }

    /** A sign-in kept from an earlier run: the session renews it before connecting (and says so if it no longer works). */
    public static Account saved(OAuth oauth, TokenFile file, String refreshToken) {
        Account account = new Account(oauth, file);
        account.refreshToken = refreshToken;
        return account;
    }

    public URI server() {
        return oauth.server();
    }

    @Override
    public AccessToken current() {
        return access;
    }

    @Override
    public synchronized AccessToken refresh() throws SignedOutException, IOException {
        try {
            keep(oauth.refresh(refreshToken));
            return access;
        } catch (OAuth.OAuthError e) {
            file.delete();
            throw new SignedOutException("You were signed out: Parley no longer accepts this sign-in ("
                    + e.getMessage() + "). Sign in again.");
        } catch (SignInException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** Sign out: the consent is revoked at the server (RFC 7009) and the kept token deleted, even if the server cannot be reached. */
    public synchronized void signOut() throws IOException, SignInException {
        try {
            oauth.revoke(refreshToken);
        } finally {
            file.delete();
        }
    }

    private void keep(Grant grant) throws IOException {
        file.write(oauth.server(), grant.refreshToken());
        refreshToken = grant.refreshToken();
        access = new AccessToken(grant.accessToken(), grant.expiresAt());
    }
}
