package ca.pupitre.matching.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record BlockRequest(@NotNull UUID clientId) {
}
