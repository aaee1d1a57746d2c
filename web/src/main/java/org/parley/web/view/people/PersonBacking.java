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
 * see it. The chat control shows only while the member wants it and holds a valid permission token;
 * its address carries this page's pass ({@link ProfilePasses}), which is what lets it reach a member
 * who does not share on the web, so the page is never answered from a cache.
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
    ProfilePasses passes;

    @Inject
    FacesContext faces;

    private DirectoryEntry member;
    private boolean chat;
    private String pass;

    public void load() throws IOException {
        Object username = faces.getExternalContext().getRequestMap().get(PeopleServlet.USERNAME);
        member = username == null ? null
                : directory.byUsername((String) username).filter(DirectoryEntry::enabled).orElse(null);
        if (member == null) {
            Http.notFound(faces);
            return;
        }
        chat = member.profileChat() && consents.hasActiveConsent(member.username(), Application.DIRECTORY);
        if (chat) {
            pass = passes.issue(member.cid());
            Http.noStore(faces);
        }
    }

    public DirectoryEntry getMember() {
        return member;
    }

    public boolean isChat() {
        return chat;
    }

    /** The pass of this page's chat control ({@code pt}). */
    public String getPass() {
        return pass;
    }
}
