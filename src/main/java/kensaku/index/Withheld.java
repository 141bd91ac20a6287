package kensaku.index;

import java.time.Instant;
import java.util.Objects;
import kensaku.corpus.Publishing;

/**
 * An article a build did not make searchable now, and why: left out of the index (a draft, {@code published: false},
 * an opt-out, expired) or indexed but hidden until its publish time (scheduled). Not a failure.
 *
 * @param time   when a scheduled article goes live, or when an expired one expired; null otherwise
 * @param reason the front matter that opted the article out (e.g. {@code search: false}), or null
 * @param indexed whether the article is in the index (scheduled; drafts in a preview build)
 */
public record Withheld(String id, Publishing.State state, Instant time, String reason, boolean indexed) {
    public Withheld {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    /**
     * What a build does with an article at this moment: null when it is live (indexed, nothing to report); else
     * the entry to report, which says whether it is indexed: scheduled articles are (to appear at their time),
     * drafts and unpublished posts only in a preview build, opt-outs and expired articles never.
     */
    public static Withheld of(String id, Publishing publishing, Instant now, boolean includeDrafts) {
        Publishing.State state = publishing.stateAt(now);
        return switch (state) {
            case LIVE -> null;
            case SCHEDULED -> new Withheld(id, state, publishing.publishAt(), null, true);
            case DRAFT, UNPUBLISHED -> new Withheld(id, state, null, null, includeDrafts);
            case OPTED_OUT -> new Withheld(id, state, null, publishing.optOut(), false);
            case EXPIRED -> new Withheld(id, state, publishing.expireAt(), null, false);
        };
    }
}
