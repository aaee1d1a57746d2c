package org.parley.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.parley.account.boundary.Members;
import org.parley.account.boundary.SignInResult;

/** Checks member credentials against the database, through {@link Members}. */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @EJB
    Members members;

    @Inject
    HttpServletRequest request;

    @Inject
    SignInAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult result = members.authenticate(credential.getCaller(), credential.getPassword().getValue(),
                ClientAddress.configured().of(request));
        attempt.record(result);
        return result.signedIn()
                ? new CredentialValidationResult(result.username(), result.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }
}
