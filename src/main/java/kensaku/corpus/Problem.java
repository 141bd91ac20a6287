package kensaku.corpus;

import java.util.Objects;

/**
 * A corpus file that could not be indexed, and why.
 *
 * @param id     the path relative to the corpus root, '/' separated (the id the article would have had)
 * @param reason one line a person can act on, e.g. "front matter: YAML error at line 3: ..."
 */
public record Problem(String id, String reason) {
    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
    }
}
