package kensaku.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kensaku command run as an operator runs it (through bin/kensaku), its stdout and stderr kept in files. */
final class LaunchedProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/(?: \\(metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics\\))?");

    final Process process;
    final Path out;
    final Path err;

    private LaunchedProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts the command; {@code environment} replaces the whole environment when not null. */
    static LaunchedProcess start(Path logs, String name, Map<String, String> environment, List<String> command)
            throws IOException {
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        return new LaunchedProcess(builder.start(), out, err);
    }

    /** Waits for the command to end and returns its exit status. */
    int exitStatus(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + limit);
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** For serve: waits for its "serving … on http://…" line; returns the public port and the admin port (or -1). */
    int[] ports(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(stderr());
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? -1 : Integer.parseInt(m.group(2))};
            }
            if (!process.isAlive()) {
                Thread.sleep(500); // bin/kensaku's stderr filter may still be writing the last lines
                throw new AssertionError("serve ended with " + process.exitValue() + ":\n" + stderr());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start within " + limit + ":\n" + stderr());
    }

    /** Stops it as systemd does (SIGTERM) and waits. */
    int stop() throws InterruptedException {
        process.destroy();
        return exitStatus(Duration.ofSeconds(60));
    }

    /** Kills it with SIGKILL (no shutdown hook runs) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
