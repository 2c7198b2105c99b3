package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PaymentView(UUID id, UUID invoiceId, @Schema(maxLength = Money.TEXT_MAX) String amount, @Schema(maxLength = Money.CURRENCY_MAX) String currency,
        @Schema(enumeration = {"INTERAC", "CHEQUE", "CARD", "OTHER"}) String method, @Schema(maxLength = 200) String reference,
        LocalDate receivedOn, @Schema(enumeration = {"MANUAL", "WEBHOOK"}) String source, Instant createdAt,
        @Schema(description = "The invoice's state after this payment", maxLength = 16) String invoiceState,
        @Schema(maxLength = Money.TEXT_MAX) String invoiceBalance, Instant confirmedByClientAt) {

    public static PaymentView of(Payment p, String invoiceState, BigDecimal balance) {
        return new PaymentView(p.id, p.invoiceId, Money.format(p.amount), p.currency, p.method.name(), p.reference,
                p.receivedOn, p.source.name(), p.createdAt, invoiceState, Money.format(balance), p.confirmedByClientAt);
    }
}
