package kensaku.search;

import java.io.IOException;

/** The index on disk was written by another schema version and must be rebuilt. */
public final class IncompatibleIndexException extends IOException {
    public IncompatibleIndexException(String message) {
        super(message);
    }
}
