package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import kensaku.FuzzSeed;
import kensaku.bench.HostileLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated long and odd queries, up to the 1,000-character limit, on the API and the page: never a 500, and
 * bounded work. The bound is on CPU time (this JVM's, server and client together, so contention from other
 * processes does not count), averaged per request and generous: a query that escaped the limits (an uncapped
 * did-you-mean, a clause explosion) costs seconds, an ordinary one milliseconds.
 */
class QueryFuzzTest {
    private static final int REQUESTS = 300;
    /** Average CPU per request allowed; measured around 10–30 ms here (docs/RELIABILITY.md). */
    private static final double MAX_CPU_MILLIS_PER_REQUEST = 250;
    private static final List<String> WORDS = List.of("AI", "投資", "エヌビディア", "アマゾン", "グーグルの", "設定", "変更",
            "の", "日", "OR", "|", "-", "\"", "生成AI", "大規模言語モデル", "ァィゥェォ", "ヴァヴィヴ", "zzqx", "Bedrok",
            "ｻｰﾊﾞｰ", "ＡＩ", "𠮷", "😀", "*", "[", "(", "<b>", "アマゾンアマゾン", "エヌビデア");

    @TempDir
    static Path temp;
    static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(temp, Duration.ofHours(1));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static String query(Random random) {
        StringBuilder query = new StringBuilder();
        int length = random.nextInt(4) == 0 ? 1_000 : 1 + random.nextInt(200);
        while (query.length() < length) {
            query.append(WORDS.get(random.nextInt(WORDS.size())));
            if (random.nextInt(3) > 0) {
                query.append(random.nextBoolean() ? " " : "　");
            }
        }
        return query.length() > 1_000 ? query.substring(0, 1_000) : query.toString();
    }

    @Test
    void longAndOddQueriesAreAnsweredCheaplyAndNeverA500() throws Exception {
        long seed = FuzzSeed.get();
        Random random = new Random(seed);
        List<String> hostile = HostileLoad.hostileRequests();
        for (String path : hostile) {
            fixture.get(path); // warm-up: the JIT compiler's work is not what is bounded
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        for (int i = 0; i < REQUESTS; i++) {
            String q = query(random);
            if (q.codePoints().count() != q.length() && Character.isHighSurrogate(q.charAt(q.length() - 1))) {
                q = q.substring(0, q.length() - 1);
            }
            String path = (i % 4 == 0 ? "/?q=" : i % 4 == 1 ? "/api/search?size=100&q=" : i % 4 == 2
                    ? "/api/search?sort=date&tag=t&company=Amazon&q=" : "/api/search?q=") + ServerFixture.enc(q);
            HttpResponse<String> response = fixture.get(i % 20 == 0 ? hostile.get(i / 20 % hostile.size()) : path);
            assertTrue(response.statusCode() < 500, "seed " + seed + ": " + path + " → " + response.statusCode()
                    + " " + response.body());
        }
        double cpuMillisPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e6 / REQUESTS;
        System.out.printf("QueryFuzzTest: %.1f ms of CPU per request%n", cpuMillisPerRequest);
        assertTrue(cpuMillisPerRequest < MAX_CPU_MILLIS_PER_REQUEST, "seed " + seed + ": " + cpuMillisPerRequest
                + " ms of CPU per request");
    }
}
