package org.parley.web.view.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parley.account.boundary.Members;
import org.parley.account.entity.Member;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.Application;
import org.parley.web.view.Http;

/**
 * Backs the public profile, {@code /people/{username}} (see {@link PeopleServlet}): anyone may
 * see it. The chat control shows only while the member wants it and holds a valid permission token.
 * An unknown or disabled member, or the page reached without a username, is "not found".
 */
@Named
@RequestScoped
public class PersonBacking {

    @Inject
    Members members;

    @Inject
    Consents consents;

    @Inject
    FacesContext faces;

    private Member member;
    private boolean chat;

    public void load() throws IOException {
        Object username = faces.getExternalContext().getRequestMap().get(PeopleServlet.USERNAME);
        member = username == null ? null : members.find((String) username).filter(Member::isEnabled).orElse(null);
        if (member == null) {
            Http.notFound(faces);
            return;
        }
        chat = member.getSettings().isProfileChat()
                && consents.hasActiveConsent(member.getUsername(), Application.DIRECTORY);
    }

    public Member getMember() {
        return member;
    }

    public boolean isChat() {
        return chat;
    }
}
