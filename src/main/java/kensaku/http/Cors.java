package kensaku.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which other sites' pages may call the API from a browser ({@code --cors-origin}): exact origins, or every origin
 * only when {@code *} is given. An allowed origin gets {@code Access-Control-Allow-Origin} naming it and its
 * preflight a 204; any other origin gets no CORS header at all (its preflight a 403), so the browser refuses it.
 * No credentials are ever allowed: the API reads no cookies.
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, OPTIONS";
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Language, Content-Type";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;
    private final boolean anyOrigin;

    /** @throws IllegalArgumentException for an entry that is neither {@code *} nor an origin, naming it */
    Cors(List<String> configured) {
        Set<String> normalised = new LinkedHashSet<>();
        boolean any = false;
        for (String entry : configured) {
            if (entry.strip().equals("*")) {
                any = true;
            } else {
                normalised.add(origin(entry));
            }
        }
        this.origins = Set.copyOf(normalised);
        this.anyOrigin = any;
    }

    boolean enabled() {
        return anyOrigin || !origins.isEmpty();
    }

    boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin));
    }

    /** Headers of an ordinary (non-preflight) API response. */
    void answer(Context ctx) {
        if (!enabled()) {
            return;
        }
        if (anyOrigin) {
            ctx.header("Access-Control-Allow-Origin", "*");
            return;
        }
        // The answer depends on the Origin header even when it is refused: a cache must not reuse one for another.
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (allows(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
        }
    }

    /** An OPTIONS request: a CORS preflight from an allowed origin gets 204 and what it may send; others 403. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        boolean isPreflight = origin != null && ctx.header("Access-Control-Request-Method") != null;
        ctx.header("Allow", ALLOWED_METHODS);
        if (!anyOrigin) {
            ctx.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        }
        if (!isPreflight) {
            ctx.status(204);
            return;
        }
        if (!allows(origin)) {
            ApiErrors.send(ctx, 403, "cors_origin_not_allowed",
                    "this server does not answer pages of " + origin + " (see --cors-origin)", null);
            return;
        }
        ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
    }

    /** An origin as browsers send it: lowercase scheme and host, the port only when not the scheme's default. */
    static String origin(String entry) {
        String text = entry.strip();
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(notAnOrigin(entry));
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(notAnOrigin(entry));
        }
    }

    private static String notAnOrigin(String entry) {
        return "--cors-origin takes an origin like https://www.example.com (scheme, host and port only) or *, not "
                + entry;
    }
}
