package ca.pupitre.billing.rest.dto;

import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record PaymentView(UUID id, UUID invoiceId, String amount, String currency, String method, String reference,
        LocalDate receivedOn, String source, Instant createdAt, String invoiceState, String invoiceBalance,
        Instant confirmedByClientAt) {

    public static PaymentView of(Payment p, String invoiceState, BigDecimal balance) {
        return new PaymentView(p.id, p.invoiceId, Money.format(p.amount), p.currency, p.method.name(), p.reference,
                p.receivedOn, p.source.name(), p.createdAt, invoiceState, Money.format(balance), p.confirmedByClientAt);
    }
}
