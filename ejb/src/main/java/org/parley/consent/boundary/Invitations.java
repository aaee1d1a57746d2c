package org.parley.consent.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.account.boundary.Members;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Role;
import org.parley.audit.boundary.Audit;
import org.parley.consent.control.RedirectUris;
import org.parley.consent.entity.Application;
import org.parley.consent.entity.Invitation;
import org.parley.settings.control.CurrentSettings;

/**
 * A site's invitation to share presence (SPEC.md §1). The return URL must belong to the
 * inviting application's redirect URLs (same origin), or to the admin's list of intranet hosts
 * when no application is named; otherwise there is no redirect at all.
 */
@Stateless
public class Invitations {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @EJB
    Applications applications;

    @EJB
    Members members;

    @EJB
    Audit audit;

    /** {@code parley.intranet.origins}, as in effect now. */
    @Inject
    CurrentSettings settings;

    @Resource
    SessionContext context;

    /** A checked invitation: who invites, and whether its privacy URL is usable. */
    public record Invite(String site, Application application, String returnUrl, String privacyUrl) {

        public boolean hasPrivacyUrl() {
            return privacyUrl != null;
        }
    }

    /** Checks the parameters; {@link AccountRefusedException} when the return URL may not be redirected to. */
    public Invite check(String returnUrl, String privacyUrl, String appId) {
        Optional<String> origin = Optional.ofNullable(returnUrl).flatMap(RedirectUris::origin);
        if (origin.isEmpty()) {
            throw new AccountRefusedException("The invitation has no valid return address.");
        }
        Application application = null;
        if (appId != null && !appId.isBlank()) {
            application = applications.find(appId).filter(Application::isEnabled)
                    .orElseThrow(() -> new AccountRefusedException("The inviting site is not registered with Parley."));
            boolean registered = application.getRedirectUris().stream().map(RedirectUris::origin)
                    .flatMap(Optional::stream).anyMatch(origin.get()::equals);
            if (!registered) {
                throw new AccountRefusedException("The return address does not belong to " + application.getName() + ".");
            }
        } else if (!settings.now().intranetOrigins().contains(origin.get())) {
            throw new AccountRefusedException("The return address is not an intranet site Parley knows.");
        }
        String privacy = Optional.ofNullable(privacyUrl).flatMap(RedirectUris::parse).map(Object::toString).orElse(null);
        String site = application != null ? application.getName() : origin.get();
        return new Invite(site, application, returnUrl, privacy);
    }

    /**
     * The member accepts: web sharing goes on, and the invitation is kept so they can withdraw it. A site's invitation
     * accepted again (another visit, another tab) is the one invitation, accepted anew: the member's row is locked first
     * ({@code shareOnTheWeb}), so acceptances at the same moment find each other.
     */
    @RolesAllowed(Role.MEMBER_GROUP)
    public void accept(Invite invite, String address) {
        String member = context.getCallerPrincipal().getName();
        members.shareOnTheWeb(member);
        String application = invite.application() == null ? null : invite.application().getId();
        Instant now = Instant.now();
        em.createNamedQuery(Invitation.OF_MEMBER, Invitation.class).setParameter("member", member).getResultStream()
                .filter(invitation -> invitation.isActiveFrom(application, invite.site())).findFirst()
                .ifPresentOrElse(invitation -> invitation.acceptAgain(invite.returnUrl(), now),
                        () -> em.persist(new Invitation(member, application, invite.site(), invite.returnUrl(), now)));
        audit.record(member, "invitation.accepted", invite.site(), address, invite.returnUrl());
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public void decline(Invite invite, String address) {
        audit.record(context.getCallerPrincipal().getName(), "invitation.declined", invite.site(), address, invite.returnUrl());
    }

    @RolesAllowed(Role.MEMBER_GROUP)
    public List<Invitation> mine() {
        return em.createNamedQuery(Invitation.OF_MEMBER, Invitation.class)
                .setParameter("member", context.getCallerPrincipal().getName()).getResultList();
    }

    /** Withdraws an accepted invitation; web sharing stays as the member set it. */
    @RolesAllowed(Role.MEMBER_GROUP)
    public void withdraw(String id, String address) {
        Invitation invitation = em.find(Invitation.class, id);
        String member = context.getCallerPrincipal().getName();
        if (invitation == null || !invitation.getMember().equals(member)) {
            throw new AccountRefusedException("There is no such invitation.");
        }
        if (invitation.withdraw(Instant.now())) {
            audit.record(member, "invitation.withdrawn", invitation.getSite(), address, null);
        }
    }
}
