package org.parley.settings.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.parley.account.entity.Role;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.InvalidSettingException;
import org.parley.settings.entity.SavedSetting;
import org.parley.settings.entity.Setting;
import org.parley.settings.entity.SettingValues;
import org.parley.settings.entity.SettingsChanged;
import org.parley.settings.entity.SettingsRefusedException;

/**
 * The settings administrators change at run time (token lifetimes, rate limits, the offline
 * messages default, intranet origins, retention), kept in the database over the configured values,
 * which stay the defaults. A change is all or nothing: every value is checked first, and one that
 * breaks its rule refuses them all. Each change is audited (old → new) and takes effect at once,
 * without a restart: once committed, the values in memory ({@link CurrentSettings}) are refreshed.
 */
@Singleton
@Startup
@DependsOn("Storage")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    @Inject
    CurrentSettings current;

    @Inject
    Event<SettingsChanged> changed;

    @Resource
    SessionContext context;

    @PostConstruct
    void load() {
        current.apply(saved());
        LOG.info(() -> "Settings saved by administrators: " + (current.now().saved().isEmpty() ? "none, the configured values apply"
                : current.now().saved().stream().map(Setting::key).sorted().toList()));
    }

    /** The values in effect now. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public SettingValues now() {
        return current.now();
    }

    /** What the configuration says for a setting: its value whenever none is saved. */
    @RolesAllowed(Role.ADMIN_GROUP)
    public String configured(@NotNull(message = "Name the setting.") Setting setting) {
        return current.configured(setting);
    }

    /**
     * Saves these values (a blank one puts the setting back to its configured value); answers what
     * changed. Refused as a whole ({@link SettingsRefusedException}, naming every value that breaks
     * its rule) when any value does: then nothing is saved.
     */
    @RolesAllowed(Role.ADMIN_GROUP)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public synchronized List<SettingsChanged.Change> change(
            @NotNull(message = "Give the settings to save.") Map<Setting, String> values,
            @NotBlank(message = "The caller's address is required.") String address) {
        // one change at a time, each committed before the next reads what is saved: two administrators
        // saving the same setting at once never both insert it
        return context.getBusinessObject(Settings.class).save(values, address);
    }

    /** {@link #change}'s own transaction; called by it only, one at a time. */
    @RolesAllowed(Role.ADMIN_GROUP)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SettingsChanged.Change> save(@NotNull Map<Setting, String> values, @NotBlank String address) {
        Map<Setting, String> next = new EnumMap<>(Setting.class);
        List<InvalidSettingException> problems = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (!values.containsKey(setting)) {
                continue;
            }
            String text = values.get(setting);
            try {
                next.put(setting, text == null || text.isBlank() ? null : setting.canonical(text));
            } catch (InvalidSettingException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        SettingValues before = current.now();
        String actor = context.getCallerPrincipal().getName();
        Instant now = Instant.now();
        List<SettingsChanged.Change> changes = new ArrayList<>();
        next.forEach((setting, text) -> {
            String after = text != null ? text : canonicalConfigured(setting);
            if (after.equals(before.text(setting))) {
                return;
            }
            SavedSetting row = em.find(SavedSetting.class, setting.key());
            if (text == null) {
                if (row != null) {
                    em.remove(row);
                }
            } else if (row == null) {
                em.persist(new SavedSetting(setting, text, now, actor));
            } else {
                row.change(text, now, actor);
            }
            changes.add(new SettingsChanged.Change(setting, before.text(setting), after));
        });
        if (!changes.isEmpty()) {
            changed.fire(new SettingsChanged(actor, address, List.copyOf(changes)));
            LOG.info(() -> "Admin '" + actor + "' changed " + changes.stream()
                    .map(c -> c.setting().key() + " from " + oneLine(c.before()) + " to " + oneLine(c.after())).toList()
                    + "; in effect now");
        }
        return changes;
    }

    /** Runs first once a change is committed: from now on everything reads the new values. */
    public void refresh(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION)
                        SettingsChanged change) {
        current.apply(saved());
    }

    private String canonicalConfigured(Setting setting) {
        try {
            return setting.canonical(current.configured(setting));
        } catch (InvalidSettingException e) {
            throw new IllegalStateException(e); // checked at start-up
        }
    }

    private Map<Setting, String> saved() {
        Map<Setting, String> saved = new EnumMap<>(Setting.class);
        for (SavedSetting row : em.createNamedQuery(SavedSetting.ALL, SavedSetting.class).getResultList()) {
            Setting.byKey(row.getKey()).ifPresentOrElse(s -> saved.put(s, row.getValue()),
                    () -> LOG.warning(() -> "The database holds a value for '" + row.getKey() + "', which is no setting of this "
                            + "version of Parley; it is ignored"));
        }
        return saved;
    }

    static String oneLine(String text) {
        return text.replace('\n', ',');
    }
}
