package kensaku.corpus;

/** What reading one corpus file gives: an article or a problem, never an exception. */
public sealed interface ReadResult {
    record Read(Article article) implements ReadResult {}
    record Failed(Problem problem) implements ReadResult {}
}
