package kensaku.search;

/** The served index turned out damaged and no intact generation is left: nothing is answered until a rebuild. */
public final class IndexUnavailableException extends RuntimeException {
    public IndexUnavailableException(String message) {
        super(message);
    }
}
