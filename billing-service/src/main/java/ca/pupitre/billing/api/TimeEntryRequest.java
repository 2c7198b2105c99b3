package ca.pupitre.billing.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TimeEntryRequest(
        @NotNull @Schema(example = "2026-11-23") LocalDate date,
        @NotNull @Min(0) @Max(1440) @Schema(example = "90") Integer minutes,
        @NotBlank @Size(max = 1000) @Schema(example = "Transcription du procès-verbal") String description,
        @Size(max = 20) @Schema(example = "12.00", description = "Units of work (pages, 1000 words, audio minutes), decimal string") String units) {
}
