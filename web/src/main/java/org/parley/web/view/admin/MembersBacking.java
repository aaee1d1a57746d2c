package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.parley.account.boundary.Members;
import org.parley.account.entity.AccountRefusedException;
import org.parley.account.entity.Member;
import org.parley.account.entity.Role;
import org.parley.web.view.Http;

/** Backs {@code /admin/members}: create, disable, re-enable members, make or unmake admins, reset passwords. */
@Named
@ViewScoped
public class MembersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Members members;

    @Inject
    FacesContext faces;

    private List<Member> all;

    @NotBlank(message = "Enter a username.")
    @Size(max = Member.USERNAME_MAX, message = "A username has at most " + Member.USERNAME_MAX + " characters.")
    private String username;

    @NotBlank(message = "Enter a display name.")
    @Size(max = Member.NAME_MAX, message = "A display name has at most " + Member.NAME_MAX + " characters.")
    private String displayName;

    @Size(max = Member.NAME_MAX, message = "A title has at most " + Member.NAME_MAX + " characters.")
    private String title;

    @Size(max = Member.NAME_MAX, message = "A department has at most " + Member.NAME_MAX + " characters.")
    private String department;

    @NotBlank(message = "Enter a first password.")
    private String password;

    private boolean admin;

    private String resetUsername;

    @NotBlank(message = "Enter the new password.")
    private String resetPassword;

    @PostConstruct
    void load() {
        all = members.all();
    }

    public void create() {
        act(() -> {
            Member created = members.create(username, displayName, title, department, password.toCharArray(),
                    admin ? Role.ADMIN : Role.MEMBER, Http.address(faces));
            username = displayName = title = department = password = null;
            admin = false;
            return "Created " + created.getUsername() + ".";
        });
    }

    public void disable(String name) {
        act(() -> {
            members.disable(name, Http.address(faces));
            return "Disabled " + name + ".";
        });
    }

    public void enable(String name) {
        act(() -> {
            members.enable(name, Http.address(faces));
            return "Enabled " + name + ".";
        });
    }

    public void rotateCid(String name) {
        act(() -> {
            members.rotateCid(name, Http.address(faces));
            return "Gave " + name + " a new CID: what was embedded with the old one stops showing them.";
        });
    }

    public void makeAdmin(String name) {
        act(() -> {
            members.changeRole(name, Role.ADMIN, Http.address(faces));
            return "Made " + name + " an administrator.";
        });
    }

    public void removeAdmin(String name) {
        act(() -> {
            members.changeRole(name, Role.MEMBER, Http.address(faces));
            return name + " is no longer an administrator.";
        });
    }

    public void reset() {
        act(() -> {
            members.resetPassword(resetUsername, resetPassword.toCharArray(), Http.address(faces));
            String done = "Set a new password for " + resetUsername + ". Their sessions have ended.";
            resetUsername = resetPassword = null;
            return done;
        });
    }

    private void act(java.util.function.Supplier<String> action) {
        try {
            faces.addMessage(null, new FacesMessage(action.get()));
            load();
        } catch (AccountRefusedException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public List<Member> getAll() {
        return all;
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
}
