package ca.pupitre.matching.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A client's review of the secretary of one engagement. */
public record ReviewRequest(@NotNull UUID engagementId, @NotNull @Min(1) @Max(5) Integer stars,
        @NotBlank @Size(max = 4000) String text) {
}
