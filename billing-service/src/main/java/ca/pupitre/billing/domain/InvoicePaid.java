package ca.pupitre.billing.domain;

import java.util.UUID;

/** Fired (synchronously, inside the paying transaction) when an invoice becomes PAID. */
public record InvoicePaid(UUID invoiceId) {
}
