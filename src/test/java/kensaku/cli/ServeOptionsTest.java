package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad site URL, permalink, generator or CORS origin stops serve with status 2 before it indexes or listens. */
class ServeOptionsTest {
    @Test
    void badSiteSettingsStopServeBeforeAnythingIsBuilt(@TempDir Path temp) {
        Path index = temp.resolve("index");
        for (List<String> bad : List.of(List.of("--site-url", "example.com"), List.of("--permalink", "/:yaer/:slug/"),
                List.of("--site-generator", "gatsby"), List.of("--cors-origin", "https://example.com/path"),
                List.of("--cors-origin", "example.com"))) {
            String[] args = Stream.concat(Stream.of("serve", "--corpus", "corpus", "--index",
                    index.toString(), "--port", "0"), bad.stream()).toArray(String[]::new);
            assertEquals(2, Main.run(args), bad.toString());
            assertFalse(Files.exists(index), "nothing indexed for " + bad);
        }
    }
}
