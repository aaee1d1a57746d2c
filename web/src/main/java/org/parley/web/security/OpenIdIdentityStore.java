package org.parley.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.parley.account.boundary.SignInResult;
import org.parley.openid.boundary.OpenIdSignIns;
import org.parley.openid.entity.OpenIdRefusedException;

/**
 * Checks the OpenID provider's answer (an {@link OpenIdCredential}), through {@link OpenIdSignIns}: a
 * person it vouches for is a member, as {@code ExternalMembers} decides. Other credentials are not its
 * business ({@link MemberIdentityStore} checks passwords).
 */
@ApplicationScoped
public class OpenIdIdentityStore implements IdentityStore {

    @EJB
    OpenIdSignIns signIns;

    @Inject
    HttpServletRequest request;

    @Inject
    SignInAttempt attempt;

    @Inject
    OpenIdAttempt openIdAttempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof OpenIdCredential answer ? validate(answer) : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validate(OpenIdCredential credential) {
        SignInResult result;
        try {
            result = signIns.finish(credential.answer(), credential.pending(), ClientAddress.configured().of(request));
        } catch (OpenIdRefusedException refused) {
            openIdAttempt.refused(refused.getReason());
            return CredentialValidationResult.INVALID_RESULT;
        }
        attempt.record(result);
        return result.signedIn()
                ? new CredentialValidationResult(result.username(), result.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }
}
