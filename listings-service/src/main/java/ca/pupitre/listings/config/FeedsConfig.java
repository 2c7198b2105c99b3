package ca.pupitre.listings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Partner feeds and attribution ({@code pupitre.listings.*}, next to {@link ListingsConfig}). */
@ConfigMapping(prefix = "pupitre.listings")
public interface FeedsConfig {

    /** Public base URL of the API as partners' users reach it (the gateway); feed item URLs start with it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * The web app's page of a listing, {@code {id}} replaced by the listing id (target of the visit redirect).
     * Absent: {@code <publicUrl>/annonces/{id}}, the web app behind the same gateway, which lands the reader on
     * the page in her language.
     */
    Optional<String> webUrl();

    /** {@link #webUrl()} or its default. */
    default String listingPage() {
        return webUrl().orElse(publicUrl().replaceAll("/+$", "") + "/annonces/{id}");
    }

    /** Entries in the Atom feed of new offers when {@code limit} is absent. */
    @WithDefault("100")
    int atomEntries();

    /** Largest {@code limit} of the Atom feed. */
    @WithDefault("1000")
    int atomMaxEntries();

    /** Page size of the partner delta feed when {@code limit} is absent. */
    @WithDefault("500")
    int changesPageSize();

    /** Largest {@code limit} of the partner delta feed. */
    @WithDefault("1000")
    int changesMaxPageSize();

    /** Rows fetched per round trip while streaming a snapshot (memory stays flat whatever the total). */
    @WithDefault("500")
    int fetchSize();
}
