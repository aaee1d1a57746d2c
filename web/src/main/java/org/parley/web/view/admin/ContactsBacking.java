package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.contact.boundary.ContactPoints;
import org.parley.contact.entity.ContactPoint;
import org.parley.contact.entity.ContactPointDraft;
import org.parley.contact.entity.ContactRefusedException;
import org.parley.web.i18n.Texts;
import org.parley.web.view.Http;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DualListModel;

/**
 * Backs {@code /admin/contacts}: the contact points in a table, a dialog to create or edit one (name,
 * title, intro, the members in routing order, enabled), delete with a confirmation, and the snippet
 * an intranet page pastes to embed one. The boundary checks every rule; a refusal is said in the
 * admin's language next to the field it concerns, and nothing is saved.
 */
@Named
@ViewScoped
public class ContactsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ContactPoints contactPoints;

    @EJB
    MemberDirectory directory;

    @Inject
    FacesContext faces;

    private List<ContactPoint> all;
    /** Whether the dialog creates a contact point (else it edits {@link #name}'s). */
    private boolean creating;
    private String name;
    private String title;
    private String intro;
    private boolean enabled;
    private DualListModel<String> members = new DualListModel<>();

    @PostConstruct
    void load() {
        all = contactPoints.all();
    }

    /** Opens the dialog for a new contact point. */
    public void create() {
        creating = true;
        name = title = intro = null;
        enabled = true;
        members = membersModel(List.of());
    }

    /** Opens the dialog on an existing contact point. */
    public void edit(ContactPoint point) {
        creating = false;
        name = point.getName();
        title = point.getTitle();
        intro = point.getIntro();
        enabled = point.isEnabled();
        members = membersModel(point.getMembers());
    }

    /** Saves the dialog: one boundary call, all or nothing; the dialog closes only when it was saved. */
    public void save() {
        ContactPointDraft draft = ContactPointDraft.of(name, title, intro, members.getTarget(), enabled);
        try {
            ContactPoint saved = creating ? contactPoints.create(draft, Http.address(faces))
                    : contactPoints.update(draft, Http.address(faces));
            faces.addMessage(null, new FacesMessage(say(creating ? "saved.created" : "saved.updated", saved.getName())));
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            load();
        } catch (ContactRefusedException e) {
            String field = e.reason().field();
            faces.addMessage(field == null ? null : "edit:" + field,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, say("refused." + e.reason().name()), null));
            faces.validationFailed();
        }
    }

    public void delete(ContactPoint point) {
        try {
            contactPoints.delete(point.getName(), Http.address(faces));
            faces.addMessage(null, new FacesMessage(say("deleted", point.getName())));
        } catch (ContactRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, say("refused." + e.reason().name()), null));
        }
        load();
    }

    /** Every enabled member not on the list on one side, the list in its order on the other. */
    private DualListModel<String> membersModel(List<String> listed) {
        List<String> source = new ArrayList<>();
        directory.enabled().stream().map(DirectoryEntry::username).filter(u -> !listed.contains(u)).forEach(source::add);
        return new DualListModel<>(source, new ArrayList<>(listed));
    }

    /** How a member shows in the lists: display name and username. */
    public String label(String username) {
        return directory.byUsername(username).map(m -> m.displayName() + " (" + m.username() + ")").orElse(username);
    }

    /** The HTML an intranet page pastes to embed the contact page. */
    public String snippet(ContactPoint point) {
        String title = point.getTitle().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return "<iframe src=\"" + Http.base(faces) + "/contact/" + point.getName() + "?embed\" title=\"" + title
                + "\" width=\"360\" height=\"560\" style=\"border:0\"></iframe>";
    }

    private String say(String key, Object... values) {
        return Texts.from(faces, "contactText", key, values);
    }

    public List<ContactPoint> getAll() {
        return all;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        if (creating) { // the name is the address: it never changes
            this.name = name;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIntro() {
        return intro;
    }

    public void setIntro(String intro) {
        this.intro = intro;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public DualListModel<String> getMembers() {
        return members;
    }

    public void setMembers(DualListModel<String> members) {
        this.members = members;
    }
}
