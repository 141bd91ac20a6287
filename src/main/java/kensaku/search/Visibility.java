package kensaku.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Which indexed articles a server shows, decided at each request from the clock: never an expired one; a
 * scheduled one only from its publish time on, and a draft not at all, unless this is a writer's preview server
 * ({@code serve --include-future}, {@code --include-drafts}).
 *
 * @param clock         the time each request is answered at (a test may move it)
 * @param includeDrafts show drafts and {@code published: false} posts a preview build indexed
 * @param includeFuture show scheduled articles before their publish time
 */
public record Visibility(Clock clock, boolean includeDrafts, boolean includeFuture) {
    public Visibility {
        Objects.requireNonNull(clock, "clock");
    }

    /** What a public server shows: published articles between their publish and expiry times. */
    public static Visibility published() {
        return new Visibility(Clock.systemUTC(), false, false);
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean isPreview() {
        return includeDrafts || includeFuture;
    }

    /** What a preview server marks on a hit it shows only because it is one: "draft", "scheduled" or null. */
    public String previewOf(boolean draft, Long publishAtMillis, Instant now) {
        if (draft) {
            return Hit.DRAFT;
        }
        return publishAtMillis != null && publishAtMillis > now.toEpochMilli() ? Hit.SCHEDULED : null;
    }
}
