package ca.pupitre.listings.api;

import java.util.List;

/** Changes in commit order; resume with {@code since=nextCursor} (equal to the given cursor when nothing is new). */
public record ChangePage(List<ChangeItem> items, String nextCursor) {
}
