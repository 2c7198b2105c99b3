package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.Alert;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bounded as {@link AlertRequest} accepts them, the only way alerts are written. */
public record AlertView(UUID id, @Schema(maxLength = 120) String name, @Schema(maxLength = 200) String q,
        @Schema(maxItems = 20) List<@Size(max = 40) String> skills,
        @Schema(maxItems = 5) List<@Size(max = 2) String> languages, @Schema(maxLength = 2) String region,
        boolean remoteOnly, Alert.Frequency frequency, @Schema(enumeration = {"fr", "en"}) String language,
        @Schema(description = "The listings the alert watches", enumeration = {"REQUEST", "OFFER"}) String watches,
        Instant createdAt) {

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.name, alert.queryText, List.of(alert.skills), List.of(alert.languages),
                alert.region, alert.remoteOnly, alert.frequency, alert.language,
                "SECRETARY".equals(alert.ownerRole) ? "REQUEST" : "OFFER", alert.createdAt);
    }
}
