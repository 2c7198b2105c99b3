package ca.pupitre.listings.rest.dto;

import java.util.List;

/** A page of listings with the opaque cursor of the next one (null at the end). */
public record ListingPage(List<ListingView> items, String nextCursor) {
}
