package kensaku.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kensaku.corpus.Publishing.State;
import kensaku.index.Withheld;

/** The lines of an index summary that say which articles are not searchable now, and why; each file on --verbose. */
final class WithheldSummary {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private WithheldSummary() {}

    static void print(List<Withheld> withheld, boolean includesDrafts, boolean verbose, ZoneId zone, PrintStream out) {
        if (verbose) {
            for (Withheld article : withheld) {
                out.printf(Locale.ROOT, "%-12s%s%s%n", label(article.state()), article.id(), detail(article, zone));
            }
        }
        String drafts = includesDrafts ? "indexed for preview (--include-drafts)" : "not indexed";
        out.printf(Locale.ROOT, "drafts       %,d (%s)%n", count(withheld, State.DRAFT), drafts);
        out.printf(Locale.ROOT, "unpublished  %,d (published: false; %s)%n", count(withheld, State.UNPUBLISHED), drafts);
        out.printf(Locale.ROOT, "opted out    %,d (search: false, noindex, build list/render never; not indexed)%n",
                count(withheld, State.OPTED_OUT));
        out.printf(Locale.ROOT, "expired      %,d (not indexed)%n", count(withheld, State.EXPIRED));
        Optional<Instant> next = withheld.stream().filter(w -> w.state() == State.SCHEDULED).map(Withheld::time)
                .min(Comparator.naturalOrder());
        out.printf(Locale.ROOT, "scheduled    %,d (indexed, hidden until their publish time%s)%n",
                count(withheld, State.SCHEDULED),
                next.map(at -> "; the next goes live " + TIME.format(at.atZone(zone))).orElse(""));
    }

    private static long count(List<Withheld> withheld, State state) {
        return withheld.stream().filter(w -> w.state() == state).count();
    }

    private static String label(State state) {
        return switch (state) {
            case DRAFT -> "DRAFT";
            case UNPUBLISHED -> "UNPUBLISHED";
            case OPTED_OUT -> "OPTED-OUT";
            case EXPIRED -> "EXPIRED";
            case SCHEDULED -> "SCHEDULED";
            case LIVE -> "LIVE";
        };
    }

    private static String detail(Withheld article, ZoneId zone) {
        return switch (article.state()) {
            case SCHEDULED -> " (goes live " + TIME.format(article.time().atZone(zone)) + ")";
            case EXPIRED -> " (expired " + TIME.format(article.time().atZone(zone)) + ")";
            case OPTED_OUT -> " (" + article.reason() + ")";
            default -> "";
        };
    }
}
