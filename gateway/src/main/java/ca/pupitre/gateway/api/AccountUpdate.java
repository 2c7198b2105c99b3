package ca.pupitre.gateway.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields a person may change on their own account; absent fields stay as they are. */
public record AccountUpdate(@Size(min = 1, max = 120) String displayName, @Pattern(regexp = "fr-CA|en-CA") @Schema(enumeration = {"fr-CA", "en-CA"}) String locale) {
}
