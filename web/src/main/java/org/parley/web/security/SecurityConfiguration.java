package org.parley.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import org.parley.account.entity.Role;

/** The roles Parley's pages and boundaries know, and where signing in happens. */
@DeclareRoles({Role.MEMBER_GROUP, Role.ADMIN_GROUP})
@FacesConfig
@ApplicationScoped
public class SecurityConfiguration {

    public static final String SIGN_IN_PAGE = "/signin";
    public static final String HOME_OF_MEMBERS = "/settings";
}
