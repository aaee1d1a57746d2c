package org.parley.openid.boundary;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.account.boundary.ExternalMembers;
import org.parley.account.boundary.SignInResult;
import org.parley.account.control.LogText;
import org.parley.openid.control.OpenIdProvider;
import org.parley.openid.entity.Callback;
import org.parley.openid.entity.ClaimNames;
import org.parley.openid.entity.OpenIdRefusedException;
import org.parley.openid.entity.OpenIdRefusedException.Reason;
import org.parley.openid.entity.OpenIdSettings;
import org.parley.openid.entity.PendingSignIn;
import org.parley.openid.entity.SignInStart;

/**
 * Signing in through the configured OpenID provider (authorization code flow with PKCE). A sign-in
 * starts with {@link #start}, which says where to send the browser; the browser comes back with the
 * provider's answer, which {@link #finish} checks against what was started and redeems. Only a person
 * whose ID token passed every check reaches {@link ExternalMembers#signIn}, which makes them a member
 * (or refuses them as Parley's rules say). Every refusal is one log line saying which check failed,
 * and an {@link OpenIdRefusedException} whose reason the sign-in page words.
 * <p>
 * No transaction spans the calls to the provider (they may take up to the configured timeout);
 * the member is created or updated in {@code ExternalMembers}' own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OpenIdSignIns {

    private static final Logger LOG = Logger.getLogger(OpenIdSignIns.class.getName());

    @Inject
    OpenIdProvider provider;

    @EJB
    ExternalMembers externalMembers;

    /** The provider's name for the sign-in button; empty when signing in through a provider is off. */
    public Optional<String> providerName() {
        return provider.settings().map(OpenIdSettings::providerName);
    }

    /**
     * Starts a sign-in for the browser at {@code address}. {@code redirectUri} is where the browser reached
     * Parley's callback from, used unless {@code parley.oidc.redirect-uri} says otherwise.
     */
    public SignInStart start(@NotNull(message = "Say where the provider sends the browser back.") URI redirectUri,
                             @NotBlank(message = "The caller's address is required.") String address) {
        try {
            return provider.start(redirectUri);
        } catch (OpenIdRefusedException refused) {
            throw logged(refused, address);
        }
    }

    /**
     * The provider's {@code answer} to the sign-in {@code pending} (which the browser's session kept, and
     * gives back only once) signs the person in: their member is created or brought up to date from the
     * ID token's claims.
     */
    public SignInResult finish(@NotNull(message = "Give the provider's answer.") Callback answer,
                               @NotNull(message = "Give the sign-in that was started.") PendingSignIn pending,
                               @NotBlank(message = "The caller's address is required.") String address) {
        try {
            if (!pending.state().equals(answer.state())) {
                throw new OpenIdRefusedException(Reason.REPLAYED, "the answer's state is not the one this browser's sign-in sent");
            }
            if (pending.expired(Instant.now())) {
                throw new OpenIdRefusedException(Reason.REPLAYED, "the answer came for a sign-in started at "
                        + pending.startedAt() + ", more than " + PendingSignIn.LIFETIME.toMinutes() + " min ago");
            }
            if (answer.error() != null) {
                throw new OpenIdRefusedException("access_denied".equals(answer.error()) ? Reason.DENIED : Reason.FAILED,
                        "the provider answered '" + LogText.typed(answer.error()) + "'" + (answer.errorDescription() == null
                        ? "" : " (" + LogText.typed(answer.errorDescription()) + ")"));
            }
            if (answer.code() == null || answer.code().isBlank()) {
                throw new OpenIdRefusedException(Reason.FAILED, "the provider's answer has neither a code nor an error");
            }
            IDTokenClaimsSet claims = provider.redeem(answer.code(), pending);
            ClaimNames names = provider.settings().orElseThrow().claims();
            return externalMembers.signIn(names.account(claims.getIssuer().getValue(),
                    claims.getSubject().getValue(), claims.toJSONObject()), address);
        } catch (OpenIdRefusedException refused) {
            throw logged(refused, address);
        }
    }

    private static OpenIdRefusedException logged(OpenIdRefusedException refused, String address) {
        Level level = refused.getReason() == Reason.DENIED || refused.getReason() == Reason.REPLAYED ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> "Refused a sign-in through the OpenID provider from " + address + ": " + refused.getMessage());
        return refused;
    }
}
