package kensaku.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kensaku.analytics.EventStore;
import kensaku.analytics.Report;
import kensaku.analytics.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The search analytics report from a server's state folder; reads only, while the server keeps writing. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Report what readers searched for, found nothing for, and clicked (from serve's --state folder).")
public final class AnalyticsCommand implements Callable<Integer> {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,5})([dh])");

    @Option(names = "--state", defaultValue = "state", paramLabel = "DIR",
            description = "The state folder serve writes (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--since", defaultValue = "7d", paramLabel = "SPAN",
            description = "How far back: 7d (days) or 12h (hours) (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--zone", defaultValue = "Asia/Tokyo", description = "Time zone of the days (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() {
        Matcher span = SPAN.matcher(since.strip());
        if (!span.matches()) {
            System.err.println("kensaku analytics: --since takes a number of days or hours, as 7d or 12h, not " + since);
            return 2;
        }
        ReportFormat output;
        try {
            output = ReportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("kensaku analytics: --format must be table, json or csv, not " + format);
            return 2;
        }
        if (!EventStore.exists(state)) {
            System.err.println("kensaku analytics: no analytics in " + state + " (serve writes them there with --state)");
            return 2;
        }
        long amount = Long.parseLong(span.group(1));
        Duration back = span.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
        Report report = Report.read(state.resolve(EventStore.FILE), Instant.now().minus(back), zone);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(output.render(report));
        out.flush();
        return 0;
    }
}
