package org.parley.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.parley.account.entity.Role;
import org.parley.audit.boundary.Audit;
import org.parley.consent.boundary.Applications;
import org.parley.consent.boundary.Consents;

/**
 * The container refuses a member who calls what only an admin may do: every method behind the admin
 * console's pages carries {@code @RolesAllowed("admin")}, and nothing else on the same boundaries
 * that changes other people's accounts, applications or consents is left open.
 */
class AdminMethodsTest {

    private static Set<String> adminOnly(Class<?> boundary) {
        Set<String> names = new TreeSet<>();
        for (Method method : boundary.getDeclaredMethods()) {
            RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
            if (Modifier.isPublic(method.getModifiers()) && roles != null && Arrays.asList(roles.value()).equals(List.of(Role.ADMIN_GROUP))) {
                names.add(method.getName());
            }
        }
        return names;
    }

    @Test
    void everyMemberAdministrationMethodIsForAdminsOnly() {
        assertTrue(adminOnly(Members.class).containsAll(Set.of("search", "count", "create", "edit", "disable", "enable",
                "resetPassword", "rotateCid", "changeRole", "previewImport", "importMembers")), adminOnly(Members.class).toString());
    }

    @Test
    void theAuditTrailApplicationsAndEveryonesConsentsAreForAdminsOnly() {
        assertEquals(Set.of("search", "count"), adminOnly(Audit.class));
        assertEquals(Set.of("all", "register", "update", "rotateSecret", "disable", "enable"), adminOnly(Applications.class));
        assertEquals(Set.of("all", "revokeAny"), adminOnly(Consents.class));
    }
}
