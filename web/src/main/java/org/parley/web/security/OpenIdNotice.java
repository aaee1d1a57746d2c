package org.parley.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.parley.account.boundary.SignInResult;
import org.parley.openid.entity.OpenIdRefusedException.Reason;

/**
 * What the sign-in page says when the OpenID provider's answer signed nobody in. The callback sends the
 * browser to {@code /signin?oidc=<word>}; the page shows the text of the word's key (with the provider's
 * name for {@code {0}}). Anything else after {@code oidc=} shows nothing.
 */
public enum OpenIdNotice {
    PROVIDER_DOWN("signin.oidc.providerDown"),
    FAILED("signin.oidc.failed"),
    DENIED("signin.oidc.denied"),
    REPLAYED("signin.oidc.replayed"),
    UNTRUSTED("signin.oidc.untrusted"),
    CLOCK("signin.oidc.clock"),
    NO_USERNAME("signin.oidc.noUsername"),
    BAD_USERNAME("signin.oidc.badUsername"),
    CONFLICT("signin.conflict"),
    DISABLED("signin.disabled");

    /** The query parameter of the sign-in page that names the notice. */
    public static final String PARAMETER = "oidc";

    private final String key;

    OpenIdNotice(String key) {
        this.key = key;
    }

    /** The page bundle's key for the notice's text. */
    public String key() {
        return key;
    }

    /** How the sign-in page's address names it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<OpenIdNotice> named(String word) {
        return Arrays.stream(values()).filter(notice -> notice.word().equals(word)).findFirst();
    }

    static OpenIdNotice of(Reason reason) {
        return switch (reason) {
            case PROVIDER_DOWN -> PROVIDER_DOWN;
            case FAILED -> FAILED;
            case DENIED -> DENIED;
            case REPLAYED -> REPLAYED;
            case UNTRUSTED -> UNTRUSTED;
            case CLOCK -> CLOCK;
            case NO_USERNAME -> NO_USERNAME;
        };
    }

    /** The provider vouched for the person, but Parley's own rules refused them. */
    static OpenIdNotice of(SignInResult.Outcome outcome) {
        return switch (outcome) {
            case ACCOUNT_CONFLICT -> CONFLICT;
            case DISABLED -> DISABLED;
            default -> BAD_USERNAME; // ExternalMembers refuses no one else: a name that cannot be a Parley username
        };
    }
}
