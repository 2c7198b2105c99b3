package ca.pupitre.matching.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** matching's copy of listings' ChangePage: changes in commit order and the cursor to resume from. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedPage(List<FeedChange> items, String nextCursor) {

    public FeedPage {
        items = items == null ? List.of() : items;
    }
}
