package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.Alert;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A saved search to create. */
public record AlertRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 200) String q,
        @Size(max = 20) List<@Pattern(regexp = "[a-z0-9-]{1,40}") @Size(max = 40) String> skills,
        @Size(max = 5) List<@Pattern(regexp = "fr|en") @Size(max = 2) String> languages,
        @Pattern(regexp = "0[1-9]|1[0-7]") @Size(max = 2) String region,
        Boolean remoteOnly,
        @NotNull Alert.Frequency frequency,
        @Pattern(regexp = "fr|en") @Size(max = 2) String language) {

    public AlertRequest withLanguage(String value) {
        return new AlertRequest(name, q, skills, languages, region, remoteOnly, frequency, value);
    }
}
