package ca.pupitre.listings.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of listings with the opaque cursor of the next one (null at the end). */
public record ListingPage(@Schema(description = "At most pupitre.listings.max-page-size (100)", maxItems = 100) List<ListingView> items,
        @Schema(maxLength = 256) String nextCursor) {
}
