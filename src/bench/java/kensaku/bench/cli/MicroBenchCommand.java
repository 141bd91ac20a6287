package kensaku.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Hands its arguments to JMH's own command line: the micro-benchmarks of kensaku.bench.jmh. */
@Command(name = "bench-micro",
        description = {"JMH micro-benchmarks in-process (kensaku.bench.jmh), e.g. SearchBenchmark -p index=DIR.",
                "Every argument goes to JMH (-h lists JMH's options, -l the benchmarks)."})
public final class MicroBenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
        return 0;
    }
}
