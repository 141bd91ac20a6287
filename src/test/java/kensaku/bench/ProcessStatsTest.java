package kensaku.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the heap in use from jcmd's GC.heap_info, as JDK 25 prints it for each collector serve may run. */
class ProcessStatsTest {
    @Test
    void g1PrintsOneHeapLine() {
        String heapInfo = """
                19924:
                garbage-first heap   total reserved 6172672K, committed 393216K, used 12033K [0x0000000687400000, 0x0000000800000000)
                 region size 4096K, 3 young (12288K), 1 survivors (4096K)
                """;
        assertEquals(Optional.of(12033L * 1024), ProcessStats.usedHeapBytes(heapInfo));
    }

    @Test
    void theParallelCollectorPrintsOneLinePerGenerationAndTheyAddUp() {
        String heapInfo = """
                19742:
                PSYoungGen      total 113152K, used 29348K [0x0000000782700000, 0x000000078a500000, 0x0000000800000000)
                 eden space 97280K, 30% used [0x0000000782700000,0x00000007843a91a8,0x0000000788600000)
                 from space 15872K, 0% used [0x0000000789580000,0x0000000789580000,0x000000078a500000)
                 to   space 15872K, 0% used [0x0000000788600000,0x0000000788600000,0x0000000789580000)
                ParOldGen       total 258048K, used 1166K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)
                 object space 258048K, 0% used [0x0000000687400000,0x0000000687523ab8,0x0000000697000000)
                """;
        assertEquals(Optional.of((29348L + 1166L) * 1024), ProcessStats.usedHeapBytes(heapInfo));
    }

    @Test
    void noHeapLineIsNoFigure() {
        assertEquals(Optional.empty(), ProcessStats.usedHeapBytes("12345:\nUnknown diagnostic command\n"));
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (my (odd) server) S 1 4242 4242 0 -1 4194304 5000 0 0 0 1234 56 0 0 20 0 30 0 100 "
                + "1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals((1234L + 56L) * 10_000_000L, ProcessStats.cpuNanosFromStat(stat));
    }

    @Test
    void thisProcessUsesCpuAndSaysSo() {
        long pid = ProcessHandle.current().pid();
        long before = ProcessStats.cpuNanos(pid);
        long sum = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            sum += i ^ (sum >>> 3);
        }
        assertTrue(sum != 42, "keeps the loop");
        assertTrue(before >= 0, "/proc/PID/stat is readable");
        assertTrue(ProcessStats.cpuNanos(pid) > before, "the loop's CPU shows");
        assertTrue(ProcessStats.ownCpuNanos() > 0);
    }

    @Test
    void compilerThreadsAreToldByTheNamesHotSpotGivesThem() {
        assertEquals("C2 CompilerThre", ProcessStats.commandName("77 (C2 CompilerThre) S 1 2 3"));
        assertEquals("my (odd) server", ProcessStats.commandName("4242 (my (odd) server) S 1"));
        assertTrue(ProcessStats.isCompilerThread("C2 CompilerThre"));
        assertTrue(ProcessStats.isCompilerThread("C1 CompilerThre"));
        assertFalse(ProcessStats.isCompilerThread("GC Thread#0"));
        assertFalse(ProcessStats.isCompilerThread("JettyServerThre"));
    }

    @Test
    void thisJvmsCompilerThreadsHaveCompiledSomethingAndTookLessThanTheWholeProcess() {
        long pid = ProcessHandle.current().pid();
        long compiler = ProcessStats.compilerCpuNanos(pid);
        long all = ProcessStats.cpuNanos(pid);
        // A test JVM that has loaded JUnit and Lucene has JIT-compiled plenty (at least a clock tick's worth).
        assertTrue(compiler > 0, "compiler CPU " + compiler);
        assertTrue(compiler <= all, compiler + " of " + all);
        assertEquals(-1, ProcessStats.compilerCpuNanos(Long.MAX_VALUE), "no such process");
    }
}
