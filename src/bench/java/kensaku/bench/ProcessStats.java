package kensaku.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory of a running process: resident set from /proc, Java heap through jcmd. */
final class ProcessStats {
    private static final Pattern KB = Pattern.compile("(\\d+)\\s*kB");
    /** G1 reports one heap line; the parallel and serial collectors one line per generation, to be added up. */
    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^\\s*(?:garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation)"
                    + "\\b.*?\\bused (\\d+)K");
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ProcessStats() {}

    /** A field of /proc/PID/status in bytes (VmRSS, VmHWM), or -1 when unavailable. */
    static long procStatusBytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    Matcher m = KB.matcher(line);
                    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time (user and system, all threads) a process has used so far, in nanoseconds, from /proc/PID/stat; -1
     * when unavailable. Clock ticks are taken as 100 per second, the Linux default (USER_HZ).
     */
    static long cpuNanos(long pid) {
        try {
            return cpuNanosFromStat(Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time the JVM's JIT compiler threads (C1, C2) of a process have used so far, in nanoseconds, from
     * /proc/PID/task/TID/stat; -1 when unavailable. What is left of it after a warm-up says whether the figures
     * measured next are the JVM's steady state.
     */
    static long compilerCpuNanos(long pid) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            long nanos = 0;
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue; // the thread ended since the listing
                }
                if (isCompilerThread(commandName(stat))) {
                    nanos += cpuNanosFromStat(stat);
                }
            }
            return nanos;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1"; the kernel keeps 15 characters. */
    static boolean isCompilerThread(String commandName) {
        return commandName.startsWith("C1 CompilerThre") || commandName.startsWith("C2 CompilerThre");
    }

    /** The command (thread) name of a /proc stat line, between the first '(' and the last ')'. */
    static String commandName(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime of a /proc/PID/stat line in nanoseconds; the command name in parentheses may hold spaces. */
    static long cpuNanosFromStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // After "(comm) " the fields start at state (field 3), so utime (14) and stime (15) are at 11 and 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** CPU time this JVM has used so far, all threads, in nanoseconds; -1 when the platform does not say. */
    static long ownCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Heap in use after a full GC (live data), in bytes, through the JDK's jcmd; empty when jcmd is missing. */
    static Optional<Long> liveHeapBytes(Path java, long pid) {
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            run(List.of(jcmd.toString(), Long.toString(pid), "GC.run"));
            return usedHeapBytes(run(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The heap in use that a {@code jcmd PID GC.heap_info} report shows, in bytes; empty when it shows none. */
    static Optional<Long> usedHeapBytes(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        long usedKb = 0;
        boolean found = false;
        while (m.find()) {
            usedKb += Long.parseLong(m.group(1));
            found = true;
        }
        return found ? Optional.of(usedKb * 1024) : Optional.empty();
    }

    /** The largest heap occupancy a unified GC log ({@code -Xlog:gc}) shows before any collection, in bytes. */
    static long peakHeapFromGcLog(Path log) throws IOException {
        long peak = 0;
        if (!Files.exists(log)) {
            return -1;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        return peak * 1024 * 1024;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static long folderBytes(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
