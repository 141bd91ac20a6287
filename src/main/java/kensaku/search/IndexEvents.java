package kensaku.search;

/** What the live index tells an observer (the server's metrics) about generations built by the index command. */
public interface IndexEvents {
    IndexEvents NONE = new IndexEvents() {};

    /** A new generation is being served. */
    default void switched(IndexInfo now) {}

    /** A new generation was found but could not be opened; the previous one keeps serving. */
    default void switchFailed(Exception cause) {}
}
