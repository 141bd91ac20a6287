package kensaku.http;

import java.util.List;
import java.util.Objects;

/**
 * How the server listens.
 *
 * @param host         interface to bind; 127.0.0.1 unless the operator says otherwise
 * @param port         TCP port, 0 for any free port (tests)
 * @param corsOrigins  origins allowed to call the API from a browser; empty means CORS off
 */
public record ServerConfig(String host, int port, List<String> corsOrigins) {
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static ServerConfig localhost(int port) {
        return new ServerConfig("127.0.0.1", port, List.of());
    }
}
