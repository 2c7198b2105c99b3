package ca.pupitre.listings.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Type-ahead completions, best first. */
public record Suggestions(@Schema(maxItems = 10, example = "[\"Comptabilité\", \"comptabilité pour PME\"]") List<String> items) {
}
