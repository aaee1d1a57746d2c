package org.parley.web.view.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.parley.account.boundary.Members;
import org.parley.account.boundary.MemberDirectory;
import org.parley.account.entity.DirectoryEntry;
import org.parley.web.i18n.Texts;
import org.parley.web.i18n.Markets;
import org.parley.web.view.Http;
import org.parley.web.view.control.ColourRole;
import org.parley.web.view.control.ControlView;
import org.parley.web.view.control.Theme;

/**
 * Backs {@code /settings/create-html}: the member's own IM control, for pasting into intranet
 * pages (SPEC.md §4, "Create HTML"). The page shows the snippets for the default choices; its
 * script ({@code create-html.js}) rebuilds them, and the preview, as the member picks a view,
 * theme, culture and colours, with the same rules as {@link #embedSnippet}.
 */
@Named
@RequestScoped
public class CreateHtmlBacking {

    /** How large each view's frame is in the snippet. */
    public record Size(int width, int height) {
    }

    /** A culture to offer, named in its own language. */
    public record Culture(String tag, String name) {
    }

    @EJB
    Members members;

    @EJB
    MemberDirectory directory;

    @Inject
    FacesContext faces;

    private DirectoryEntry me;
    private String invitee;
    private String base;

    @PostConstruct
    void load() {
        me = DirectoryEntry.of(members.me());
        invitee = directory.publicId(me);
        base = Http.base(faces);
    }

    public static Size size(ControlView view) {
        return switch (view) {
            case WINDOW -> new Size(300, 300);
            case BUTTON -> new Size(260, 48);
            case ICON -> new Size(28, 28);
        };
    }

    /** {@code CID@DOMAIN}, as the control's {@code invitee} parameter. */
    public String getInvitee() {
        return invitee;
    }

    public String getDisplayName() {
        return me.displayName();
    }

    /** Whether visitors can reach the member at all; otherwise every control says "not found". */
    public boolean isSharing() {
        return me.visibleOnTheWeb();
    }

    public String getControlUrl() {
        return base + "/conversation/imme";
    }

    public String getPresenceImageUrl() {
        return base + "/users/" + invitee + "/presenceimage";
    }

    /** The control with the default choices: the window, blue, en-US. */
    public String getPreviewUrl() {
        return getControlUrl() + "?invitee=" + invitee;
    }

    public List<String> getThemes() {
        return Arrays.stream(Theme.values()).map(Theme::parameter).toList();
    }

    public List<Culture> getCultures() {
        return Markets.SHIPPED.stream().map(l -> new Culture(l.toLanguageTag(), l.getDisplayName(l))).toList();
    }

    public List<ColourRole> getColours() {
        return List.of(ColourRole.values());
    }

    /** The default theme's colour for a role, shown as the field's placeholder. */
    public String defaultColour(ColourRole role) {
        return Theme.DEFAULT.palette().colour(role);
    }

    public String getEmbedSnippet() {
        return embedSnippet(getPreviewUrl(), ControlView.WINDOW, chatWith());
    }

    public String getIconSnippet() {
        return "<a href=\"" + attribute(getPreviewUrl()) + "\" target=\"_blank\"><img src=\""
                + attribute(getPresenceImageUrl()) + "\" width=\"16\" height=\"16\" alt=\""
                + attribute(chatWith()) + "\"></a>";
    }

    /** The snippets' title for the member's control, in the page's language. */
    private String chatWith() {
        return Texts.of(faces, "createHtml.chatWith", me.displayName());
    }

    static String embedSnippet(String url, ControlView view, String title) {
        Size size = size(view);
        return "<iframe src=\"" + attribute(url) + "\" width=\"" + size.width() + "\" height=\"" + size.height()
                + "\" title=\"" + attribute(title) + "\" style=\"border:0\"></iframe>";
    }

    /** Text made safe inside a double-quoted HTML attribute. */
    static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
