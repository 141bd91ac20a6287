package kensaku.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Reads a state folder's store straight from the SQLite file, as an operator's sqlite3 would. */
public final class StoredEvents {
    private final Path file;

    public StoredEvents(Path stateDir) {
        this.file = stateDir.resolve(EventStore.FILE);
    }

    /** Rows of a table matching a WHERE clause with one string parameter, e.g. ("searches", "normalized = ?", "nvidia"). */
    public long count(String table, String where, String value) {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query, each as a list of strings. */
    public List<List<String>> rows(String sql, String... params) {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(r.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to the timeout) until the value reaches at least {@code expected}; returns the last value seen. */
    public static long awaitAtLeast(LongSupplier value, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = value.getAsLong();
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = value.getAsLong();
        }
        return seen;
    }
}
