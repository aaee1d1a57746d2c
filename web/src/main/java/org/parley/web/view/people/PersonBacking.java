package org.parley.web.view.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
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
    MemberDirectory directory;

    @Inject
    Consents consents;

    @Inject
    FacesContext faces;

    private DirectoryEntry member;
    private boolean chat;

    public void load() throws IOException {
        Object username = faces.getExternalContext().getRequestMap().get(PeopleServlet.USERNAME);
        member = username == null ? null
                : directory.byUsername((String) username).filter(DirectoryEntry::enabled).orElse(null);
        if (member == null) {
            Http.notFound(faces);
            return;
        }
        chat = member.profileChat() && consents.hasActiveConsent(member.username(), Application.DIRECTORY);
    }

    public DirectoryEntry getMember() {
        return member;
    }

    public boolean isChat() {
        return chat;
    }
}
