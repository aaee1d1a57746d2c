package org.parley.web.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.parley.openid.entity.OpenIdRefusedException;

/** Why the OpenID provider's answer did not sign anybody in, in this request, for the sign-in page to explain. */
@RequestScoped
public class OpenIdAttempt {

    private OpenIdRefusedException.Reason refusal;

    void refused(OpenIdRefusedException.Reason reason) {
        this.refusal = reason;
    }

    public Optional<OpenIdRefusedException.Reason> refusal() {
        return Optional.ofNullable(refusal);
    }
}
