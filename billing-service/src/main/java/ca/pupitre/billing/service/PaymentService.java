package ca.pupitre.billing.service;

import ca.pupitre.billing.api.PaymentView;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoicePaid;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.Payment;
import ca.pupitre.billing.domain.PaymentMethod;
import ca.pupitre.billing.repository.AuditLog;
import ca.pupitre.billing.repository.PaymentRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Money received against issued invoices, partial or full. The invoice row is locked while a
 * payment is applied, so concurrent payments never overpay it; the state follows the balance.
 */
@ApplicationScoped
public class PaymentService {

    /** A payment to apply: from the secretary (manual) or the provider's webhook (with its event id). */
    public record Receipt(BigDecimal amount, PaymentMethod method, String reference, LocalDate receivedOn,
            Payment.Source source, String providerEventId) {
    }

    private final InvoiceAccess access;
    private final PaymentRepository payments;
    private final AuditLog audit;
    private final Event<InvoicePaid> paid;
    private final Clock clock;

    public PaymentService(InvoiceAccess access, PaymentRepository payments, AuditLog audit, Event<InvoicePaid> paid,
            Clock clock) {
        this.access = access;
        this.payments = payments;
        this.audit = audit;
        this.paid = paid;
        this.clock = clock;
    }

    @Transactional
    public PaymentView record(Caller caller, UUID invoiceId, Receipt receipt) {
        Invoice invoice = access.locked(invoiceId);
        access.requireIssuer(caller, invoice);
        return apply(caller.subject(), invoice, receipt);
    }

    /** A provider-confirmed payment; the same event delivered twice is applied once. */
    @Transactional
    public Optional<PaymentView> confirm(UUID invoiceId, Receipt receipt) {
        Invoice invoice = access.locked(invoiceId);
        Payment existing = payments.find("providerEventId", receipt.providerEventId()).firstResult();
        if (existing != null) {
            return Optional.empty();
        }
        return Optional.of(apply("webhook", invoice, receipt));
    }

    @Transactional
    public List<PaymentView> list(Caller caller, UUID invoiceId) {
        Invoice invoice = access.visible(caller, invoiceId);
        return payments.list("invoiceId = ?1 order by createdAt", invoiceId).stream()
                .map(p -> PaymentView.of(p, invoice.state().name(), invoice.balance())).toList();
    }

    /**
     * The invoice's client confirms she paid what the secretary recorded: only then does that payment make
     * the engagement reviewable (a secretary cannot make her own "verified" review with a sock-puppet client
     * and a payment she records herself... unless the puppet confirms, which needs a verified client account).
     */
    @Transactional
    public PaymentView confirmByClient(Caller caller, UUID invoiceId, UUID paymentId) {
        Invoice invoice = access.visible(caller, invoiceId);
        if (!invoice.clientId.equals(caller.requirePersonId())) {
            throw ProblemException.notFound("INVOICE_NOT_FOUND", invoiceId);
        }
        Payment payment = payments.findByIdOptional(paymentId).filter(p -> p.invoiceId.equals(invoiceId))
                .orElseThrow(() -> ProblemException.notFound("PAYMENT_NOT_FOUND", paymentId));
        if (payment.confirmedByClientAt == null) {
            payment.confirmedByClientAt = clock.instant();
            audit.record(caller.subject(), "PAYMENT_CONFIRMED_BY_CLIENT", "INVOICE", invoice.id, payment.id.toString());
        }
        return PaymentView.of(payment, invoice.state().name(), invoice.balance());
    }

    private PaymentView apply(String actor, Invoice invoice, Receipt receipt) {
        if (invoice.kind != InvoiceKind.INVOICE
                || !(invoice.state().isOpen() || invoice.state() == InvoiceState.PAID)) {
            throw ProblemException.conflict("INVOICE_NOT_PAYABLE", invoice.state().name());
        }
        if (receipt.amount().compareTo(invoice.balance()) > 0) {
            throw ProblemException.unprocessable("OVERPAYMENT", Money.format(receipt.amount()), Money.format(invoice.balance()));
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.invoiceId = invoice.id;
        payment.amount = receipt.amount();
        payment.currency = invoice.currency;
        payment.method = receipt.method();
        payment.reference = receipt.reference() == null || receipt.reference().isBlank() ? null : receipt.reference().strip();
        payment.receivedOn = receipt.receivedOn();
        payment.source = receipt.source();
        payment.providerEventId = receipt.providerEventId();
        payment.recordedBy = actor;
        payment.createdAt = clock.instant();
        payments.persist(payment);
        invoice.receive(receipt.amount());
        audit.record(actor, "PAYMENT_RECORDED", "INVOICE", invoice.id,
                Money.format(receipt.amount()) + " " + receipt.method() + " → " + invoice.state());
        if (invoice.state() == InvoiceState.PAID) {
            paid.fire(new InvoicePaid(invoice.id));
        }
        return PaymentView.of(payment, invoice.state().name(), invoice.balance());
    }
}
