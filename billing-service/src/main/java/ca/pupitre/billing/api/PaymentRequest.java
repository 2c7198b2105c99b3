package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.PaymentMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PaymentRequest(
        @NotNull @Size(max = 20) @Schema(example = "200.00") String amount,
        @NotNull PaymentMethod method,
        @Size(max = 200) @Schema(example = "Virement Interac CA1234") String reference,
        @NotNull @Schema(example = "2026-11-30") LocalDate receivedOn) {
}
