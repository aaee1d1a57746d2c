package org.parley.storage.control;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source class behind {@code java:app/jdbc/parley}. The application server pools
 * its connections; this class only opens them, with the JDBC driver that accepts the
 * configured URL (H2 and PostgreSQL are bundled), so switching databases is configuration
 * alone. Settings are read once, on the first connection.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());

    private volatile DatabaseSettings settings;
    private volatile Driver driver;
    /** Whether the last attempt failed: the log says so once, not at every retry of the pool. */
    private volatile boolean failing;
    private PrintWriter logWriter;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseSettings current = settings();
        Properties properties = new Properties();
        if (!current.user().isEmpty()) {
            properties.setProperty("user", current.user());
        }
        properties.setProperty("password", current.password());
        try {
            Connection connection = driverFor(current).connect(current.url(), properties);
            failing = false;
            return connection;
        } catch (SQLException e) {
            String message = current.unusable(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            if (!failing) {
                failing = true;
                LOG.severe(message);
            }
            throw new SQLException(message, e.getSQLState(), e.getErrorCode());
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    private DatabaseSettings settings() {
        DatabaseSettings current = settings;
        if (current == null) {
            current = DatabaseSettings.from(ConfigProvider.getConfig(getClass().getClassLoader()));
            current.embeddedFolder().ifPresent(folder -> {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the data folder " + folder
                            + " (" + DatabaseSettings.DATA_DIR_KEY + ")", e);
                }
            });
            settings = current;
        }
        return current;
    }

    private Driver driverFor(DatabaseSettings current) throws SQLException {
        Driver found = driver;
        if (found == null) {
            for (Driver candidate : ServiceLoader.load(Driver.class, getClass().getClassLoader())) {
                if (candidate.acceptsURL(current.url())) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new SQLException("no JDBC driver accepts " + DatabaseSettings.URL_KEY + "=" + current.urlForLog()
                        + " (Parley bundles H2 and PostgreSQL: jdbc:h2:… or jdbc:postgresql://…)", "08001");
            }
            driver = found;
        }
        return found;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
