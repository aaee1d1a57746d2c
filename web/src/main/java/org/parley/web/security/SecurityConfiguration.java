package org.parley.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.parley.account.entity.Role;

/**
 * Members sign in through the Faces page {@code /signin}. A page that needs a signed-in
 * member redirects there and, after sign-in, back to itself: only ever to the page of
 * Parley that asked, never to a URL taken from a parameter.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = SecurityConfiguration.SIGN_IN_PAGE, errorPage = "",
                useForwardToLogin = false))
@DeclareRoles({Role.MEMBER_GROUP, Role.ADMIN_GROUP})
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {

    public static final String SIGN_IN_PAGE = "/signin";
    public static final String HOME_OF_MEMBERS = "/settings";
}
