package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.BillingProfile;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ProfileView(UUID userId, @Schema(enumeration = {"SECRETARY", "CLIENT"}) String kind,
        @Schema(maxLength = 200) String legalName, @Schema(maxLength = 500) String address,
        @Schema(maxLength = 2) String province, boolean smallSupplier, @Schema(maxLength = 20) String gstNumber,
        @Schema(maxLength = 20) String qstNumber, @Schema(maxLength = 1000) String paymentInstructions,
        @Schema(maxLength = 254) String email, Instant updatedAt, @Schema(maxLength = 254) String reminderEmail) {

    public static ProfileView of(BillingProfile p) {
        return new ProfileView(p.userId, p.kind.name(), p.legalName, p.address, p.province, p.smallSupplier,
                p.gstNumber, p.qstNumber, p.paymentInstructions, p.email, p.updatedAt, p.reminderEmail);
    }
}
