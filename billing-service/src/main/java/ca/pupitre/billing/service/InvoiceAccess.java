package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may read or change an invoice, decided here for every invoice use case: its issuer changes it; its client
 * reads it once issued; an admin does both; a service never sees one. The changing use cases lock the row first.
 */
@ApplicationScoped
public class InvoiceAccess {

    private final InvoiceRepository invoices;

    public InvoiceAccess(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** The invoice row locked for this transaction, so concurrent issues/payments on it queue up. */
    Invoice locked(UUID id) {
        return invoices.findLocked(id).orElseThrow(() -> ProblemException.notFound("INVOICE_NOT_FOUND", id));
    }

    /** Only the issuer (or an admin) changes an invoice: its client gets 403 once it is issued, anyone else 404. */
    void requireIssuer(Caller caller, Invoice invoice) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.isService()) {
            throw ProblemException.notFound("INVOICE_NOT_FOUND", invoice.id);
        }
        UUID me = caller.requirePersonId();
        if (invoice.issuerId.equals(me)) {
            return;
        }
        if (invoice.clientId.equals(me) && invoice.state() != InvoiceState.DRAFT) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
        throw ProblemException.notFound("INVOICE_NOT_FOUND", invoice.id);
    }

    /** The invoice if the caller may read it: its issuer, its client once issued, an admin. Else 404. */
    public Invoice visible(Caller caller, UUID id) {
        Invoice invoice = invoices.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("INVOICE_NOT_FOUND", id));
        if (caller.isAdmin()) {
            return invoice;
        }
        if (caller.isService()) {
            throw ProblemException.notFound("INVOICE_NOT_FOUND", id);
        }
        UUID me = caller.requirePersonId();
        if (invoice.issuerId.equals(me) || (invoice.clientId.equals(me) && invoice.state() != InvoiceState.DRAFT)) {
            return invoice;
        }
        throw ProblemException.notFound("INVOICE_NOT_FOUND", id);
    }

    /** The invoice whoever asks, for use cases that already checked the caller (Pupitre's own promotion invoices). */
    Invoice visibleToAdmin(UUID id) {
        return invoices.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("INVOICE_NOT_FOUND", id));
    }

    /** 409 unless the invoice is still a draft. */
    static void requireDraft(Invoice invoice) {
        if (invoice.state() != InvoiceState.DRAFT) {
            throw ProblemException.conflict("INVOICE_NOT_DRAFT", invoice.state().name());
        }
    }
}
