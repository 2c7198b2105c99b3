package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoicePaid;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.repository.EngagementRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.billing.repository.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;

/**
 * Referral conversions: when an invoice of an engagement that came with a referral code becomes
 * PAID, an outbox row (unique per engagement, so only the first paid invoice counts) is written in
 * the same transaction; {@link OutboxDelivery} reports it to matching-service.
 */
@ApplicationScoped
public class ReferralConversions {

    public static final String REFERRAL_CONVERSION = "REFERRAL_CONVERSION";

    private final InvoiceRepository invoices;
    private final EngagementRepository engagements;
    private final Outbox outbox;
    private final ObjectMapper json;

    public ReferralConversions(InvoiceRepository invoices, EngagementRepository engagements, Outbox outbox, ObjectMapper json) {
        this.invoices = invoices;
        this.engagements = engagements;
        this.outbox = outbox;
        this.json = json;
    }

    /** Same transaction as the payment that fully pays the invoice. */
    void onInvoicePaid(@Observes InvoicePaid event) {
        invoicePaid(event.invoiceId());
    }

    /** Also called when a credit note settles a partly paid invoice (PAID without an {@link InvoicePaid} event). */
    public void invoicePaid(UUID invoiceId) {
        Invoice invoice = invoices.findById(invoiceId);
        if (invoice == null || invoice.kind != InvoiceKind.INVOICE || invoice.state() != InvoiceState.PAID
                || invoice.engagementId == null) {
            return;
        }
        Engagement engagement = engagements.findById(invoice.engagementId);
        if (engagement == null || engagement.referralCode == null) {
            return;
        }
        try {
            outbox.add(REFERRAL_CONVERSION, engagement.id, json.writeValueAsString(Map.of(
                    "code", engagement.referralCode, "engagementId", engagement.id.toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
