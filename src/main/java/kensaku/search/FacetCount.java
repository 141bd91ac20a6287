package kensaku.search;

/** One value of a facet and how many matching articles have it. */
public record FacetCount(String value, long count) {}
