package org.parley.openid.entity;

import java.net.URI;

/** Where to send the browser to sign in at the provider, and what to keep until it comes back. */
public record SignInStart(URI authorizationUri, PendingSignIn pending) {
}
