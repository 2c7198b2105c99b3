package ca.pupitre.billing.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tax profile. Secretaries: tax numbers or smallSupplier, payment instructions; clients: name, address, province. */
public record ProfileRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Marie Tremblay, secrétaire") String legalName,
        @NotBlank @Size(max = 500) @Schema(example = "123, rue Principale, Québec (Québec) G1A 1A1") String address,
        @NotBlank @Size(max = 2) @Schema(example = "QC") String province,
        Boolean smallSupplier,
        @Size(max = 32) @Schema(example = "123456789 RT0001") String gstNumber,
        @Size(max = 32) @Schema(example = "1234567890 TQ0001") String qstNumber,
        @Size(max = 1000) @Schema(example = "Virement Interac : marie@example.ca") String paymentInstructions,
        @Email @Size(max = 254) String email) {
}
