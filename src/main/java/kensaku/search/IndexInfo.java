package kensaku.search;

/** What is being served: the live generation and when it was built. */
public record IndexInfo(String generation, int documents, int schemaVersion, String builtAt, String zone) {}
