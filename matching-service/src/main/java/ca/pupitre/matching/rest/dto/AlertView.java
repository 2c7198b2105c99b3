package ca.pupitre.matching.rest.dto;

import ca.pupitre.matching.domain.Alert;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record AlertView(UUID id, String name, String q, List<String> skills, List<String> languages, String region,
        boolean remoteOnly, Alert.Frequency frequency, String language, String watches, Instant createdAt) {

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.name, alert.queryText, List.of(alert.skills), List.of(alert.languages),
                alert.region, alert.remoteOnly, alert.frequency, alert.language,
                "SECRETARY".equals(alert.ownerRole) ? "REQUEST" : "OFFER", alert.createdAt);
    }
}
