package kensaku.http;

import java.util.List;
import java.util.Objects;

/**
 * How the server listens.
 *
 * @param host         interface to bind; 127.0.0.1 unless the operator says otherwise
 * @param port         TCP port, 0 for any free port (tests)
 * @param corsOrigins  origins allowed to call the API from a browser ({@code https://host[:port]}, or {@code *} for
 *                     any); empty means CORS off
 * @throws IllegalArgumentException when an entry is not an origin, naming it
 */
public record ServerConfig(String host, int port, List<String> corsOrigins) {
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        corsOrigins = List.copyOf(corsOrigins);
        corsOrigins.stream().filter(origin -> !origin.strip().equals("*")).forEach(Cors::origin);
    }

    public static ServerConfig localhost(int port) {
        return new ServerConfig("127.0.0.1", port, List.of());
    }
}
