package kensaku.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The events in one SQLite file, {@code analytics.sqlite} in the state folder. WAL journal with
 * {@code synchronous=NORMAL}: a committed batch survives the process being killed (only a power cut can take the
 * last one back), and the report readers never block the writer. One writer connection, used by one thread.
 */
public final class EventStore implements AutoCloseable {
    public static final String FILE = "analytics.sqlite";
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS searches (at INTEGER NOT NULL, query TEXT NOT NULL, normalized TEXT NOT NULL,"
            + " filters TEXT NOT NULL, sort TEXT NOT NULL, page INTEGER NOT NULL, total INTEGER NOT NULL,"
            + " did_you_mean TEXT, latency_ms REAL NOT NULL, source TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS searches_at ON searches (at)",
        "CREATE TABLE IF NOT EXISTS clicks (at INTEGER NOT NULL, query TEXT NOT NULL, normalized TEXT NOT NULL,"
            + " article TEXT NOT NULL, rank INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS clicks_at ON clicks (at)",
        "CREATE TABLE IF NOT EXISTS corrections (at INTEGER NOT NULL, query TEXT NOT NULL, normalized TEXT NOT NULL,"
            + " suggestion TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS corrections_at ON corrections (at)"};

    private final Path file;
    private final Connection writer;

    private EventStore(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating the folder and tables when needed) the store in this state folder. */
    public static EventStore open(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
            connection.setAutoCommit(false);
            connection.commit();
            return new EventStore(file, connection);
        } catch (SQLException e) {
            throw new IOException("cannot open the analytics store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether a store exists in this state folder (for the report command, which never creates one). */
    public static boolean exists(Path stateDir) {
        return Files.isRegularFile(stateDir.resolve(FILE));
    }

    /** Writes a batch in one transaction: all of it or, on a crash, none of it. */
    public void write(List<Event> events) throws SQLException {
        try (PreparedStatement searches = writer.prepareStatement(
                     "INSERT INTO searches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement clicks = writer.prepareStatement("INSERT INTO clicks VALUES (?, ?, ?, ?, ?)");
             PreparedStatement corrections = writer.prepareStatement("INSERT INTO corrections VALUES (?, ?, ?, ?)")) {
            for (Event event : events) {
                switch (event) {
                    case Event.Search s -> {
                        searches.setLong(1, s.at().toEpochMilli());
                        searches.setString(2, s.query());
                        searches.setString(3, s.normalized());
                        searches.setString(4, s.filters());
                        searches.setString(5, s.sort());
                        searches.setInt(6, s.page());
                        searches.setLong(7, s.total());
                        searches.setString(8, s.didYouMean());
                        searches.setDouble(9, s.latencyMillis());
                        searches.setString(10, s.source());
                        searches.addBatch();
                    }
                    case Event.Click c -> {
                        clicks.setLong(1, c.at().toEpochMilli());
                        clicks.setString(2, c.query());
                        clicks.setString(3, c.normalized());
                        clicks.setString(4, c.article());
                        clicks.setInt(5, c.rank());
                        clicks.addBatch();
                    }
                    case Event.Correction c -> {
                        corrections.setLong(1, c.at().toEpochMilli());
                        corrections.setString(2, c.query());
                        corrections.setString(3, c.normalized());
                        corrections.setString(4, c.suggestion());
                        corrections.addBatch();
                    }
                }
            }
            searches.executeBatch();
            clicks.executeBatch();
            corrections.executeBatch();
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        }
    }

    /** Deletes every event older than this; returns how many. */
    public int deleteBefore(Instant cutoff) throws SQLException {
        int deleted = 0;
        try (Statement s = writer.createStatement()) {
            for (String table : List.of("searches", "clicks", "corrections")) {
                deleted += s.executeUpdate("DELETE FROM " + table + " WHERE at < " + cutoff.toEpochMilli());
            }
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        }
        return deleted;
    }

    /** A new read-only connection for reports; the caller closes it. WAL lets it read while the writer writes. */
    public Connection reader() {
        return readerOf(file);
    }

    static Connection readerOf(Path file) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5000);
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read the analytics store " + file + ": " + e.getMessage(), e));
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (SQLException e) {
            // Nothing uncommitted is left: every batch commits or rolls back before this.
        }
    }
}
