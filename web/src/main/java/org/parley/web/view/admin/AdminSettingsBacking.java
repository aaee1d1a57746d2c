package org.parley.web.view.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.settings.boundary.Settings;
import org.parley.settings.entity.InvalidSettingException;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingValues;
import org.parley.settings.entity.SettingsChanged;
import org.parley.settings.entity.SettingsRefusedException;
import org.parley.web.view.Http;

/**
 * Backs {@code /admin/settings}: every run-time setting, grouped, with its value in effect and
 * its configured value; Save sends them all to the settings boundary, which saves all or none.
 * A refused value is explained next to its field, in the page's language.
 */
@Named
@ViewScoped
public class AdminSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The form's id, the prefix of every field's client id. */
    static final String FORM = "settings";

    @Inject
    transient Settings settings;

    @Inject
    transient FacesContext faces;

    private List<Group> groups;

    /** One group of settings as the page shows it. */
    public record Group(Setting.Group group, List<Field> fields) implements Serializable {
    }

    /** One setting's field: what is typed (a flag is a checkbox), and the configured value shown beside it. */
    public static final class Field implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Setting setting;
        private final String configured;
        private final boolean saved;
        private String text;
        private boolean flag;

        Field(Setting setting, String text, String configured, boolean saved) {
            this.setting = setting;
            this.text = text;
            this.flag = Boolean.parseBoolean(text);
            this.configured = configured;
            this.saved = saved;
        }

        public Setting getSetting() {
            return setting;
        }

        /** The field's id: the setting's name, e.g. {@code VISITOR_MESSAGE_BURST}. */
        public String getId() {
            return setting.name();
        }

        public String getConfigured() {
            return configured;
        }

        public boolean isSaved() {
            return saved;
        }

        /** A true-or-false setting, shown as a checkbox. */
        public boolean isCheckbox() {
            return setting.type() == Setting.Type.FLAG;
        }

        public boolean isOrigins() {
            return setting.type() == Setting.Type.ORIGINS;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public boolean getFlag() {
            return flag;
        }

        public void setFlag(boolean flag) {
            this.flag = flag;
        }

        String typed() {
            return isCheckbox() ? Boolean.toString(flag) : text;
        }
    }

    @PostConstruct
    void load() {
        SettingValues now = settings.now();
        groups = Arrays.stream(Setting.Group.values()).map(group -> new Group(group, Arrays.stream(Setting.values())
                .filter(s -> s.group() == group)
                .map(s -> new Field(s, now.text(s), configured(s), now.isSaved(s))).toList())).toList();
    }

    private String configured(Setting setting) {
        String text = settings.configured(setting);
        return text.isEmpty() ? OpsText.of(faces, "settings.none") : text.replace('\n', ' ');
    }

    public void save() {
        Map<Setting, String> typed = new EnumMap<>(Setting.class);
        groups.forEach(g -> g.fields().forEach(f -> typed.put(f.getSetting(), f.typed())));
        try {
            List<SettingsChanged.Change> changes = settings.change(typed, Http.address(faces));
            if (changes.isEmpty()) {
                OpsText.info(faces, "settings.unchanged");
            } else {
                OpsText.info(faces, "settings.saved", changes.size());
            }
            load();
        } catch (SettingsRefusedException refused) {
            for (InvalidSettingException problem : refused.problems()) {
                String clientId = FORM + ":" + problem.setting().name();
                UIComponent field = faces.getViewRoot().findComponent(clientId);
                if (field instanceof UIInput input) {
                    // marked invalid (aria-invalid) and shown as typed, so it can be corrected
                    input.setValid(false);
                    input.setSubmittedValue(typed.get(problem.setting()));
                }
                OpsText.error(faces, clientId, "problem." + problem.problem().name(),
                        OpsText.of(faces, "setting." + problem.setting().name()), problem.detail());
            }
            OpsText.error(faces, null, "settings.refused", refused.problems().size());
            faces.validationFailed();
        }
    }

    public List<Group> getGroups() {
        return groups;
    }
}
