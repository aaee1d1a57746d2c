package org.parley.web.view.signin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.parley.openid.boundary.OpenIdSignIns;
import org.parley.web.i18n.Texts;
import org.parley.web.security.OpenIdNotice;

/**
 * Backs the OpenID provider's part of {@code /signin}: the <em>Sign in with …</em> button (only when
 * OpenID sign-in is configured) and, after the provider's answer signed nobody in, what went wrong
 * ({@code ?oidc=…}, an {@link OpenIdNotice}).
 */
@Named
@RequestScoped
public class OpenIdSignInBacking {

    @Inject
    FacesContext faces;

    @EJB
    OpenIdSignIns signIns;

    private Optional<String> providerName;

    /** The page's view action: the notice the address names, among the page's messages. */
    public void explain() {
        String word = faces.getExternalContext().getRequestParameterMap().get(OpenIdNotice.PARAMETER);
        OpenIdNotice.named(word).ifPresent(notice -> faces.addMessage(null,
                Texts.error(faces, notice.key(), providerName().orElse(""))));
    }

    /** Whether members may sign in through an OpenID provider here. */
    public boolean isOffered() {
        return providerName().isPresent();
    }

    /** The button's text: "Sign in with" and the provider's name. */
    public String getButton() {
        return Texts.of(faces, "signin.oidc.button", providerName().orElse(""));
    }

    private Optional<String> providerName() {
        if (providerName == null) {
            providerName = signIns.providerName();
        }
        return providerName;
    }
}
