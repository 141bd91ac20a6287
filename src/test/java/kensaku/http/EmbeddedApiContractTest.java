package kensaku.http;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract against the embedded index (the cluster runs it in OpenSearchClusterTest). */
class EmbeddedApiContractTest {
    @TempDir
    static Path temp;
    static ServerFixture fixture;
    static ApiContract contract;

    @BeforeAll
    static void start() throws IOException {
        fixture = new ServerFixture(temp, Duration.ofHours(1), java.util.List.of(),
                ApiContract.siteUrls(kensaku.index.IndexFixtures.TOKYO));
        contract = new ApiContract(fixture.base());
    }

    @AfterAll
    static void stop() throws IOException {
        contract.close();
        fixture.close();
    }

    @TestFactory
    Stream<DynamicTest> theEmbeddedIndexKeepsTheContract() {
        return contract.checks().entrySet().stream()
                .map(check -> DynamicTest.dynamicTest(check.getKey(), () -> check.getValue().run()));
    }
}
