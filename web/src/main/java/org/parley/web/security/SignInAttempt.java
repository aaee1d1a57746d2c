package org.parley.web.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.parley.account.boundary.SignInResult;

/** What the identity store decided in this request, for the sign-in page to explain. */
@RequestScoped
public class SignInAttempt {

    private SignInResult result;

    void record(SignInResult result) {
        this.result = result;
    }

    public Optional<SignInResult> result() {
        return Optional.ofNullable(result);
    }
}
