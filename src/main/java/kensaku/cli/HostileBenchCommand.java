package kensaku.cli;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import kensaku.bench.HostileLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures an ordinary search while other connections send the worst queries we could construct. */
@Command(name = "bench-hostile", mixinStandardHelpOptions = true,
        description = {"Against a running server: the median of an ordinary search (設定 変更) alone, then while "
                + "--connections send the worst requests without pause. Prints a Markdown table row."})
public final class HostileBenchCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:7070/", description = "The server (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--connections", defaultValue = "8", description = "Hostile connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of the hostile phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public Integer call() throws Exception {
        HostileLoad.Result result = new HostileLoad(url).run(connections, Duration.ofSeconds(seconds));
        System.out.println("| hostile connections | time | ordinary alone, median | ordinary under attack, median | p95 "
                + "| ordinary requests | hostile requests | hostile median |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.println(result.markdown());
        return result.hostileFailures() == 0 && result.ordinaryFailures() == 0 ? 0 : 1;
    }
}
