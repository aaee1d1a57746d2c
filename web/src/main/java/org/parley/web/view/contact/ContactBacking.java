package org.parley.web.view.contact;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.account.control.Minutes;
import org.parley.contact.boundary.ContactDirectory;
import org.parley.contact.boundary.ContactPoints;
import org.parley.contact.entity.ContactPointView;
import org.parley.contact.entity.ContactRefusedException;
import org.parley.settings.control.CurrentSettings;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;

/**
 * Backs a contact page, {@code /contact/{name}} (see {@link ContactServlet}), which anyone may open:
 * the contact point's title and intro, and the IM control routed to its first available member
 * ({@code /conversation/imme?contact=NAME}); when nobody is available (or the visitor asks for it),
 * the *Leave a message* form, which every member of the list gets. With {@code ?embed} the page
 * comes without Parley's header and may be framed by the intranet origins
 * ({@code parley.intranet.origins}), like the control; otherwise only by Parley itself. The view is
 * stateless, so the form works in a frame on another site, where no session cookie goes along.
 * An unknown or disabled contact point is "not found".
 */
@Named
@RequestScoped
public class ContactBacking {

    /** The words of the contact pages ({@code Contact}, var {@code contactText}). */
    static final String BUNDLE = "contactText";

    @EJB
    ContactDirectory directory;

    @EJB
    ContactPoints contactPoints;

    @Inject
    FacesContext faces;

    /** The intranet origins as in effect now (Admin → Settings, else {@code parley.intranet.origins}). */
    @Inject
    CurrentSettings settings;

    private ContactPointView point;
    private boolean embed;
    private boolean leaveAsked;
    private boolean sent;
    private String visitorName;
    private String replyTo;
    private String message;

    @PostConstruct
    void read() {
        ExternalContext external = faces.getExternalContext();
        Object name = external.getRequestMap().get(ContactServlet.NAME);
        point = name instanceof String n ? directory.find(n).orElse(null) : null;
        embed = external.getRequestParameterMap().containsKey("embed");
        // a post is the form's, whoever became available meanwhile: the form must stay to take it
        leaveAsked = external.getRequestParameterMap().containsKey("leave") || faces.isPostback();
    }

    /** The page's view action: "not found" for an unknown or disabled contact point; who may frame it. */
    public void load() {
        if (point == null) {
            Http.notFound(faces);
            return;
        }
        String ancestors = embed ? "'self' " + String.join(" ", settings.now().intranetOrigins()) : "'self'";
        faces.getExternalContext().setResponseHeader("Content-Security-Policy", "frame-ancestors " + ancestors.strip());
        // whether someone is available changes by the minute: never answer from a cache
        Http.noStore(faces);
    }

    /** Sends the visitor's message to every member of the list; a refusal is said next to its field. */
    public void leave() {
        if (point == null) {
            Http.notFound(faces);
            return;
        }
        try {
            contactPoints.leaveMessage(point.name(), visitorName, replyTo, message, Http.address(faces));
            sent = true;
        } catch (ContactRefusedException e) {
            ContactRefusedException.Reason reason = e.reason();
            long minutes = Minutes.toWait(e.retryAfter());
            String text = Texts.counted(faces, BUNDLE, "refused." + reason.name(), minutes, minutes);
            faces.addMessage(reason.field() == null ? null : "leave:" + reason.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            faces.validationFailed();
        }
    }

    public ContactPointView getPoint() {
        return point;
    }

    public boolean isEmbed() {
        return embed;
    }

    /** The page's template: Parley's own page, or a bare one for a frame on an intranet page. */
    public String getTemplate() {
        return embed ? "/WEB-INF/templates/contact-embed.xhtml" : "/WEB-INF/templates/page.xhtml";
    }

    /** Whether the page shows the chat control: somebody is available and the visitor did not ask to leave a message. */
    public boolean isChat() {
        return point != null && !leaveAsked && !sent && directory.anyoneAvailable(point.name());
    }

    public boolean isSent() {
        return sent;
    }

    /** The control for this contact point, in the page's language. */
    public String getControlUrl() {
        return Http.request(faces).getContextPath() + "/conversation/imme?contact=" + point.name()
                + "&mkt=" + faces.getViewRoot().getLocale().toLanguageTag();
    }

    /** This page again, asking for the form instead of the control. */
    public String getLeaveUrl() {
        return Http.request(faces).getContextPath() + "/contact/" + point.name() + (embed ? "?embed&leave" : "?leave");
    }

    /** The control frame's title. */
    public String getFrameTitle() {
        return Texts.from(faces, BUNDLE, "contact.chat.frameTitle", point.title());
    }

    public String getVisitorName() {
        return visitorName;
    }

    public void setVisitorName(String visitorName) {
        this.visitorName = visitorName;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
