package org.parley.web.view.people;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.consent.boundary.Consents;
import org.parley.consent.entity.Application;
import org.parley.presence.boundary.PresenceRegistry;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;
import org.parley.web.view.directory.PresenceBadge;

/**
 * Backs the public profile, {@code /people/{username}} (see {@link PeopleServlet}): anyone may
 * see it. The chat control shows only while the member wants it and holds a valid permission token;
 * its address carries this page's pass ({@link ProfilePasses}), which is what lets it reach a member
 * who does not share on the web, so the page is never answered from a cache.
 * An unknown or disabled member, or the page reached without a username, is "not found".
 * Name, title and department are public; the status (kept live by the page's script, as on the
 * directory) and the personal message only of a member who shares their presence on the web, or
 * who put a chat control here (which shows their status itself, in its header).
 */
@Named
@RequestScoped
public class PersonBacking {

    @EJB
    MemberDirectory directory;

    @EJB
    Consents consents;

    @Inject
    ProfilePasses passes;

    @EJB
    PresenceRegistry presences;

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

    /** The member's status now, for a member who shares on the web; else null (the page shows none). */
    public PresenceBadge getBadge() {
        return member.visibleOnTheWeb()
                ? PresenceBadge.of(member.cid(), presences.presenceOf(member.username()), faces.getViewRoot().getLocale())
                : null;
    }

    /** The member's personal message, where the page shows their presence (see the class comment); else null. */
    public String getPersonalMessage() {
        return member.visibleOnTheWeb() || chat ? member.personalMessage() : null;
    }

    /** "Chat with NAME" in the page's language: the chat control's title. */
    public String getChatTitle() {
        return Texts.from(faces, "directoryText", "person.chatWith", member.displayName());
    }

    /** The chat control's address (below Parley's root): this member, this page's pass and language. */
    public String getChatAddress() {
        return Http.withQuery("conversation/imme", "invitee", member.cid(), "pt", pass,
                "mkt", faces.getViewRoot().getLocale().toLanguageTag());
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
