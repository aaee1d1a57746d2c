package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;
import org.parley.account.boundary.Members;
import org.parley.account.control.MemberCsv;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberImport;
import org.parley.account.entity.Role;
import org.parley.web.view.Http;

/**
 * Backs {@code /admin/members}: find members page by page, create, edit, disable and enable them, make
 * or unmake admins, give new CIDs, reset passwords; import new members from a CSV file after a
 * preview, whole or not at all. Each action is one call to {@link Members}, one transaction. The first
 * passwords of imported members are held by this page only, for one download, until the admin leaves it.
 */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which field of the create and edit forms a refusal is about, by the refusal's reason. */
    private static final Map<String, String> PROFILE_FIELDS = Map.of(
            "usernameTaken", "username", "badUsername", "username", "badDisplayName", "displayName",
            "titleTooLong", "title", "departmentTooLong", "department", "badEmail", "email",
            "passwordTooShort", "password", "passwordTooLong", "password");
    /** Which field of the password form a refusal is about. */
    private static final Map<String, String> RESET_FIELDS = Map.of(
            "noSuchMember", "who", "passwordTooShort", "newPassword", "passwordTooLong", "newPassword");

    @EJB
    Members members;

    @Inject
    FacesContext faces;

    private String query;
    private MemberRows rows;

    private String username;
    private String displayName;
    private String title;
    private String department;
    private String email;
    private String password;
    private boolean admin;

    /** The member being edited, or null. */
    private String editing;
    private String editDisplayName;
    private String editTitle;
    private String editDepartment;
    private String editEmail;

    private String resetUsername;
    private String resetPassword;

    private transient Part upload;
    private byte[] importFile;
    private String importFileName;
    private MemberImport preview;
    private List<Members.FirstPassword> firstPasswords;

    @PostConstruct
    void init() {
        rows = new MemberRows(members, () -> query);
    }

    public void create() {
        act("create", PROFILE_FIELDS, () -> {
            Member created = members.create(username, displayName, title, department, email, chars(password),
                    admin ? Role.ADMIN : Role.MEMBER, Http.address(faces));
            username = displayName = title = department = email = password = null;
            admin = false;
            return AdminText.get(faces, "members.created", created.getUsername());
        });
    }

    /** Opens the edit form for one member (no change yet). */
    public void edit(Member member) {
        editing = member.getUsername();
        editDisplayName = member.getDisplayName();
        editTitle = member.getTitle();
        editDepartment = member.getDepartment();
        editEmail = member.getEmail();
    }

    public void saveEdit() {
        act("edit", PROFILE_FIELDS, () -> {
            Member saved = members.edit(editing, editDisplayName, editTitle, editDepartment, editEmail, Http.address(faces));
            cancelEdit();
            return AdminText.get(faces, "members.saved", saved.getUsername());
        });
    }

    public void cancelEdit() {
        editing = editDisplayName = editTitle = editDepartment = editEmail = null;
    }

    public void disable(String name) {
        act(null, Map.of(), () -> {
            members.disable(name, Http.address(faces));
            return AdminText.get(faces, "members.disabled", name);
        });
    }

    public void enable(String name) {
        act(null, Map.of(), () -> {
            members.enable(name, Http.address(faces));
            return AdminText.get(faces, "members.enabled", name);
        });
    }

    public void rotateCid(String name) {
        act(null, Map.of(), () -> {
            members.rotateCid(name, Http.address(faces));
            return AdminText.get(faces, "members.cidRotated", name);
        });
    }

    public void makeAdmin(String name) {
        act(null, Map.of(), () -> {
            members.changeRole(name, Role.ADMIN, Http.address(faces));
            return AdminText.get(faces, "members.madeAdmin", name);
        });
    }

    public void removeAdmin(String name) {
        act(null, Map.of(), () -> {
            members.changeRole(name, Role.MEMBER, Http.address(faces));
            return AdminText.get(faces, "members.removedAdmin", name);
        });
    }

    /** Puts a member's username into the password form, from the member's row. */
    public void startReset(String name) {
        resetUsername = name;
    }

    public void reset() {
        act("reset", RESET_FIELDS, () -> {
            members.resetPassword(resetUsername, chars(resetPassword), Http.address(faces));
            String done = AdminText.get(faces, "members.passwordReset", resetUsername);
            resetUsername = resetPassword = null;
            return done;
        });
    }

    /** Reads the uploaded file and says what is wrong with each row; nothing is imported yet. */
    public void previewImport() {
        firstPasswords = null;
        if (upload == null || upload.getSize() == 0) {
            AdminText.error(faces, "import:file", AdminText.get(faces, "import.chooseFile"));
            return;
        }
        if (upload.getSize() > MemberCsv.MAX_BYTES) {
            clearImport();
            AdminText.error(faces, "import:file", AdminText.get(faces, "import.tooLarge"));
            return;
        }
        byte[] content;
        try (var in = upload.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            preview = members.previewImport(content);
            importFile = content;
            importFileName = upload.getSubmittedFileName();
        } catch (AccountRefusedException e) {
            clearImport();
            AdminText.error(faces, "import:file", AdminText.refusal(faces, e));
        }
    }

    /** Imports every row of the previewed file in one transaction, or none. */
    public void commitImport() {
        if (importFile == null) {
            return;
        }
        try {
            firstPasswords = members.importMembers(importFile, Http.address(faces));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    AdminText.counted(faces, "import.done", firstPasswords.size(), firstPasswords.size()), null));
            clearImport();
            Http.noStore(faces);
        } catch (AccountRefusedException e) {
            preview = members.previewImport(importFile); // what changed since the preview, such as a username taken meanwhile
            AdminText.error(faces, null, AdminText.refusal(faces, e));
        }
    }

    public void cancelImport() {
        clearImport();
    }

    private void clearImport() {
        preview = null;
        importFile = null;
        importFileName = null;
    }

    /** The imported members' first passwords as a CSV file; the page keeps them until the admin leaves it. */
    public void downloadFirstPasswords() throws IOException {
        CsvFile csv = new CsvFile().row(List.of("username", "display name", "email", "first password"));
        for (Members.FirstPassword first : firstPasswords == null ? List.<Members.FirstPassword>of() : firstPasswords) {
            csv.row(List.of(first.username(), first.displayName(), first.email() == null ? "" : first.email(), first.password()));
        }
        Http.noStore(faces);
        Faces.sendFile(csv.bytes(), "parley-first-passwords.csv", true);
    }

    public void forgetFirstPasswords() {
        firstPasswords = null;
    }

    /** A problem of the import in the page's words. */
    public String describe(MemberImport.Problem problem) {
        String column = problem.column() == null ? "" : AdminText.get(faces, "import.column." + problem.column().name());
        String argument = problem.argument() == null ? "" : problem.argument();
        long count = problem.kind() == MemberImport.Kind.COLUMN_COUNT ? Long.parseLong(argument) : 0;
        return AdminText.counted(faces, "import.problem." + problem.kind().name(), count, column, argument);
    }

    public String describeAll(List<MemberImport.Problem> problems) {
        return problems.stream().map(this::describe).collect(Collectors.joining(" "));
    }

    /** An e-mail field, checked where the admin sees it. */
    public void checkEmail(FacesContext context, UIComponent field, Object value) {
        String text = value == null ? "" : value.toString().strip();
        if (!text.isEmpty() && !Member.isEmail(text)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    AdminText.get(context, "refused.badEmail", text), null));
        }
    }

    /**
     * Runs an action and says how it went; a refusal goes next to the field of {@code form} it concerns
     * ({@code fields} by reason), or at the top of the page.
     */
    private void act(String form, Map<String, String> fields, Supplier<String> action) {
        try {
            faces.addMessage(null, new FacesMessage(action.get()));
        } catch (AccountRefusedException e) {
            String field = e.getReason() == null ? null : fields.get(e.getReason());
            AdminText.error(faces, field == null ? null : form + ":" + field, AdminText.refusal(faces, e));
        }
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    public String getImportRules() {
        return AdminText.get(faces, "import.rules", MemberCsv.MAX_ROWS);
    }

    /**
     * How many rows the previewed file has, and how many of them have problems; or, when the file as a whole has one (its
     * header, too many rows), that it does, which no count of rows says.
     */
    public String getImportSummary() {
        int rows = preview.rows().size();
        if (!preview.fileProblems().isEmpty()) {
            return AdminText.get(faces, "import.fileBad");
        }
        if (preview.importable()) {
            return AdminText.counted(faces, "import.allGood", rows, rows);
        }
        return AdminText.counted(faces, "import.someBad", rows, rows, preview.badRows());
    }

    public int getNameMax() {
        return Member.NAME_MAX;
    }

    public int getUsernameMax() {
        return Member.USERNAME_MAX;
    }

    public int getEmailMax() {
        return Member.EMAIL_MAX;
    }

    public int getPasswordMin() {
        return Member.PASSWORD_MIN;
    }

    public MemberRows getRows() {
        return rows;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public String getEditing() {
        return editing;
    }

    public String getEditDisplayName() {
        return editDisplayName;
    }

    public void setEditDisplayName(String editDisplayName) {
        this.editDisplayName = editDisplayName;
    }

    public String getEditTitle() {
        return editTitle;
    }

    public void setEditTitle(String editTitle) {
        this.editTitle = editTitle;
    }

    public String getEditDepartment() {
        return editDepartment;
    }

    public void setEditDepartment(String editDepartment) {
        this.editDepartment = editDepartment;
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public String getResetUsername() {
        return resetUsername;
    }

    public void setResetUsername(String resetUsername) {
        this.resetUsername = resetUsername;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public Part getUpload() {
        return upload;
    }

    public void setUpload(Part upload) {
        this.upload = upload;
    }

    public String getImportFileName() {
        return importFileName;
    }

    public MemberImport getPreview() {
        return preview;
    }

    public List<Members.FirstPassword> getFirstPasswords() {
        return firstPasswords;
    }
}
