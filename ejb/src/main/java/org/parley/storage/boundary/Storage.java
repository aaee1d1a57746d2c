package org.parley.storage.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.parley.storage.control.DatabaseSettings;

/**
 * Brings the database to the current schema once, at start-up, before anything else queries
 * it; afterwards answers whether the database still answers (for the health checks).
 * A database that cannot be reached stops the start with one log line naming the keys to fix.
 */
@DataSourceDefinition(
        name = Storage.DATA_SOURCE,
        className = "org.parley.storage.control.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data"
        })
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Storage {

    public static final String DATA_SOURCE = "java:app/jdbc/parley";
    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.from(ConfigProvider.getConfig(getClass().getClassLoader()));
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "Database " + settings.urlForLog() + " is at schema version "
                    + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                    + " (" + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            String message = settings.unusable(rootMessage(e));
            LOG.severe(message);
            throw new StartupRefused(message);
        }
    }

    /** Whether the database answers now; why not is logged for the admin, never told to the caller. */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return true;
            }
            LOG.warning("The database does not answer: its connection did not validate within 2 s");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The database does not answer: {0}", rootMessage(e));
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage().lines().findFirst().orElse("") : root.getClass().getSimpleName();
    }

    /** Thrown to stop the deployment; it carries no stack trace, the log line says it all. */
    static class StartupRefused extends RuntimeException {
        StartupRefused(String message) {
            super(message, null, false, false);
        }
    }
}
