package org.parley.web.security;

import jakarta.security.enterprise.credential.Credential;
import org.parley.openid.entity.Callback;
import org.parley.openid.entity.PendingSignIn;

/** The OpenID provider's answer, brought back by the browser, with the sign-in of this browser's session it answers. */
record OpenIdCredential(Callback answer, PendingSignIn pending) implements Credential {
}
