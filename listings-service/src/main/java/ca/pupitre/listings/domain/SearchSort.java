package ca.pupitre.listings.domain;

/** Search orders. RELEVANCE ranks by text match (never by date); without a query it falls back to NEWEST. */
public enum SearchSort {
    RELEVANCE, NEWEST, RATE
}
