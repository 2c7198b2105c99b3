package ca.pupitre.billing.rest.dto;

import ca.pupitre.billing.domain.BillingProfile;
import java.time.Instant;
import java.util.UUID;

public record ProfileView(UUID userId, String kind, String legalName, String address, String province,
        boolean smallSupplier, String gstNumber, String qstNumber, String paymentInstructions, String email,
        Instant updatedAt, String reminderEmail) {

    public static ProfileView of(BillingProfile p) {
        return new ProfileView(p.userId, p.kind.name(), p.legalName, p.address, p.province, p.smallSupplier,
                p.gstNumber, p.qstNumber, p.paymentInstructions, p.email, p.updatedAt, p.reminderEmail);
    }
}
