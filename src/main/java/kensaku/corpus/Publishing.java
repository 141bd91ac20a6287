package kensaku.corpus;

import java.time.Instant;

/**
 * Whether and when an article may be shown, as its front matter (and, for Jekyll, its folder) says. The README's
 * "Unpublished articles" section lists the keys and their precedence.
 *
 * @param draft     {@code draft: true}, or a file under a {@code _drafts/} folder (Jekyll)
 * @param unpublished {@code published: false} (Jekyll)
 * @param optOut    why the article asked to stay out of search ({@code search: false}, {@code noindex: true},
 *                  {@code _build: {list: never}} ...), or null
 * @param publishAt when it goes live: {@code publishDate} (or {@code pubdate}, or a {@code published} date), else
 *                  {@code date}; null when the file gives no time (always live)
 * @param expireAt  when it stops being live: {@code expiryDate}, else {@code unpublishDate}; null for never
 */
public record Publishing(boolean draft, boolean unpublished, String optOut, Instant publishAt, Instant expireAt) {
    /** A published article with no times: always live. */
    public static final Publishing ALWAYS = new Publishing(false, false, null, null, null);

    /** What an article is at one moment, in the order the README gives: the first that applies. */
    public enum State {
        DRAFT, UNPUBLISHED, OPTED_OUT, EXPIRED, SCHEDULED, LIVE
    }

    public State stateAt(Instant now) {
        if (draft) {
            return State.DRAFT;
        }
        if (unpublished) {
            return State.UNPUBLISHED;
        }
        if (optOut != null) {
            return State.OPTED_OUT;
        }
        if (expireAt != null && !now.isBefore(expireAt)) {
            return State.EXPIRED;
        }
        if (publishAt != null && now.isBefore(publishAt)) {
            return State.SCHEDULED;
        }
        return State.LIVE;
    }

    /** A draft or an unpublished post: shown only on a preview server that asks for drafts. */
    public boolean draftLike() {
        return draft || unpublished;
    }
}
