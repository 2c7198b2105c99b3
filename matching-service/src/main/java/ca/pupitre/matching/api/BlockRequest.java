package ca.pupitre.matching.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record BlockRequest(@NotNull UUID clientId) {
}
