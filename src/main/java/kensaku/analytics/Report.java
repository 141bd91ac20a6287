package kensaku.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures an operator tunes search with, since a given instant: searches per day with latency, the top
 * queries, the ones that found nothing, the ones whose results are rarely clicked, the mean rank clicked and how
 * often 「もしかして」 was offered and taken. Queries are grouped by their normalized form ({@link QueryForm}); a
 * search is a committed first page (paging on is recorded but not counted again).
 *
 * @param days          one row per day (in {@code zone}) that had a search or a click, oldest first
 * @param topQueries    the most searched
 * @param zeroResults   the most searched of those that found nothing
 * @param rarelyClicked searched at least {@link #RARELY_CLICKED_MIN} times, found something, lowest click share first
 */
public record Report(Instant since, String zone, List<Day> days, List<QueryRow> topQueries, List<QueryRow> zeroResults,
                     List<QueryRow> rarelyClicked, long clicks, double meanClickedRank, long didYouMeanOffered,
                     long didYouMeanTaken) {
    public static final int TOP = 20;
    public static final int RARELY_CLICKED_MIN = 3;

    public record Day(String day, long searches, long zeroResults, long clicks, double latencyP50Millis,
                      double latencyP95Millis) {}

    /** A query as normalized, the forms readers typed (most frequent first, at most three), and its counts. */
    public record QueryRow(String normalized, List<String> typed, long searches, long zeroResults, long clicks) {
        public double clickShare() {
            return searches == 0 ? 0 : (double) clicks / searches;
        }
    }

    public long searches() {
        return days.stream().mapToLong(Day::searches).sum();
    }

    /** Reads the store file (read-only; the server may be writing it). */
    public static Report read(Path storeFile, Instant since, ZoneId zone) {
        try (Connection db = EventStore.readerOf(storeFile)) {
            return new Reader(db, since.toEpochMilli(), zone).report(since);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the analytics store " + storeFile + ": " + e.getMessage(), e);
        }
    }

    private static final class Reader {
        private final Connection db;
        private final long since;
        private final ZoneId zone;
        private final String day;

        Reader(Connection db, long since, ZoneId zone) {
            this.db = db;
            this.since = since;
            this.zone = zone;
            int offset = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
            this.day = "strftime('%Y-%m-%d', at / 1000 + " + offset + ", 'unixepoch')";
        }

        Report report(Instant from) throws SQLException {
            Map<String, Long> clicksByQuery = counts("SELECT normalized, COUNT(*) FROM clicks WHERE at >= ? GROUP BY 1");
            List<QueryRow> top = rows("SELECT normalized, COUNT(*), SUM(total = 0) FROM searches WHERE at >= ? AND page = 1"
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP, clicksByQuery);
            List<QueryRow> zero = rows("SELECT normalized, COUNT(*), COUNT(*) FROM searches WHERE at >= ? AND page = 1"
                    + " AND total = 0 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP, clicksByQuery);
            List<QueryRow> found = rows("SELECT normalized, COUNT(*), SUM(total = 0) FROM searches WHERE at >= ?"
                    + " AND page = 1 GROUP BY 1 HAVING COUNT(*) >= " + RARELY_CLICKED_MIN + " AND SUM(total = 0) < COUNT(*)",
                    clicksByQuery);
            List<QueryRow> rarely = found.stream()
                    .sorted(java.util.Comparator.comparingDouble(QueryRow::clickShare)
                            .thenComparing(QueryRow::searches, java.util.Comparator.reverseOrder())
                            .thenComparing(QueryRow::normalized))
                    .limit(TOP).toList();
            long clicks = 0;
            double meanRank = 0;
            try (PreparedStatement s = prepare("SELECT COUNT(*), COALESCE(AVG(rank), 0) FROM clicks WHERE at >= ?");
                 ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    clicks = r.getLong(1);
                    meanRank = r.getDouble(2);
                }
            }
            long offered = single("SELECT COUNT(*) FROM searches WHERE at >= ? AND page = 1 AND did_you_mean IS NOT NULL");
            long taken = single("SELECT COUNT(*) FROM corrections WHERE at >= ?");
            return new Report(from, zone.getId(), days(), withTyped(top), withTyped(zero), withTyped(rarely), clicks,
                    meanRank, offered, taken);
        }

        private List<Day> days() throws SQLException {
            Map<String, List<Double>> latencies = new TreeMap<>();
            Map<String, long[]> searches = new HashMap<>();
            // Days and percentiles in Java: SQLite sorting every search of the period took most of a report's time.
            try (PreparedStatement s = prepare("SELECT at, latency_ms, total FROM searches WHERE at >= ? AND page = 1");
                 ResultSet r = s.executeQuery()) {
                String lastDay = null;
                long lastDayStart = Long.MAX_VALUE;
                long lastDayEnd = Long.MIN_VALUE;
                while (r.next()) {
                    long at = r.getLong(1);
                    if (at < lastDayStart || at >= lastDayEnd) {
                        java.time.LocalDate date = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
                        lastDay = date.toString();
                        lastDayStart = date.atStartOfDay(zone).toInstant().toEpochMilli();
                        lastDayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                    }
                    String d = lastDay;
                    latencies.computeIfAbsent(d, x -> new ArrayList<>()).add(r.getDouble(2));
                    long[] counts = searches.computeIfAbsent(d, x -> new long[2]);
                    counts[0]++;
                    if (r.getLong(3) == 0) {
                        counts[1]++;
                    }
                }
            }
            Map<String, Long> clicks = counts("SELECT " + day + ", COUNT(*) FROM clicks WHERE at >= ? GROUP BY 1");
            TreeMap<String, Day> days = new TreeMap<>();
            for (String d : latencies.keySet()) {
                List<Double> sorted = latencies.get(d);
                sorted.sort(null);
                days.put(d, new Day(d, searches.get(d)[0], searches.get(d)[1], clicks.getOrDefault(d, 0L),
                        percentile(sorted, 0.50), percentile(sorted, 0.95)));
            }
            clicks.forEach((d, n) -> days.putIfAbsent(d, new Day(d, 0, 0, n, 0, 0)));
            return List.copyOf(days.values());
        }

        /** Nearest-rank percentile of sorted values. */
        private static double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int rank = (int) Math.ceil(p * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        private List<QueryRow> rows(String sql, Map<String, Long> clicks) throws SQLException {
            List<QueryRow> rows = new ArrayList<>();
            try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String normalized = r.getString(1);
                    rows.add(new QueryRow(normalized, List.of(), r.getLong(2), r.getLong(3),
                            clicks.getOrDefault(normalized, 0L)));
                }
            }
            return rows;
        }

        /** Fills in the forms typed, read for all rows in one pass over the period (not one scan per row). */
        private List<QueryRow> withTyped(List<QueryRow> rows) throws SQLException {
            java.util.Set<String> wanted = new java.util.HashSet<>();
            rows.forEach(row -> wanted.add(row.normalized()));
            Map<String, List<String>> typed = new HashMap<>();
            try (PreparedStatement s = prepare("SELECT normalized, query, COUNT(*) FROM searches WHERE at >= ?"
                    + " AND page = 1 GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (wanted.contains(r.getString(1))) {
                        List<String> forms = typed.computeIfAbsent(r.getString(1), n -> new ArrayList<>());
                        if (forms.size() < 3) {
                            forms.add(r.getString(2));
                        }
                    }
                }
            }
            return rows.stream().map(row -> new QueryRow(row.normalized(), List.copyOf(typed.getOrDefault(row.normalized(),
                    List.of())), row.searches(), row.zeroResults(), row.clicks())).toList();
        }

        private Map<String, Long> counts(String sql) throws SQLException {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
            return counts;
        }

        private long single(String sql) throws SQLException {
            try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement s = db.prepareStatement(sql);
            s.setLong(1, since);
            return s;
        }
    }
}
