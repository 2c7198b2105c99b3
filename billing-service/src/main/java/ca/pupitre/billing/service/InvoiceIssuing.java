package ca.pupitre.billing.service;

import ca.pupitre.billing.api.CreditNoteRequest;
import ca.pupitre.billing.api.InvoiceView;
import ca.pupitre.billing.domain.BillingProfile;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoiceLine;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.InvoiceTax;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.tax.TaxCode;
import ca.pupitre.billing.domain.tax.TaxLine;
import ca.pupitre.billing.domain.tax.TaxQuote;
import ca.pupitre.billing.repository.AuditLog;
import ca.pupitre.billing.repository.BillingProfileRepository;
import ca.pupitre.billing.repository.InvoiceCounterRepository;
import ca.pupitre.billing.repository.InvoiceLineRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.billing.repository.InvoiceTaxRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issuing invoices and credit notes. Issuing numbers a draft (per issuer and year, without gaps), computes its
 * taxes with the tax engine on the client's province and the issue date, and freezes them. After that only the
 * state and the paid/credited totals move; corrections are credit notes.
 */
@ApplicationScoped
public class InvoiceIssuing {

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final InvoiceTaxRepository taxes;
    private final InvoiceCounterRepository counters;
    private final BillingProfileRepository profiles;
    private final TaxService taxService;
    private final InvoiceAccess access;
    private final InvoiceViews views;
    private final AuditLog audit;
    private final ReferralConversions referrals;
    private final Clock clock;

    public InvoiceIssuing(InvoiceRepository invoices, InvoiceLineRepository lines, InvoiceTaxRepository taxes,
            InvoiceCounterRepository counters, BillingProfileRepository profiles, TaxService taxService,
            InvoiceAccess access, InvoiceViews views, AuditLog audit, ReferralConversions referrals, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.taxes = taxes;
        this.counters = counters;
        this.profiles = profiles;
        this.taxService = taxService;
        this.access = access;
        this.views = views;
        this.audit = audit;
        this.referrals = referrals;
        this.clock = clock;
    }

    @Transactional
    public InvoiceView issue(Caller caller, UUID id) {
        Invoice invoice = access.locked(id);
        access.requireIssuer(caller, invoice);
        InvoiceAccess.requireDraft(invoice);
        BillingProfile supplier = profiles.findByIdOptional(invoice.issuerId)
                .orElseThrow(() -> ProblemException.conflict("SUPPLIER_PROFILE_REQUIRED"));
        BillingProfile client = profiles.findByIdOptional(invoice.clientId)
                .orElseThrow(() -> ProblemException.conflict("CLIENT_PROFILE_REQUIRED"));
        LocalDate today = LocalDate.now(clock.withZone(TaxService.QUEBEC));
        TaxQuote quote = taxService.quote(invoice.subtotal, client.province, !supplier.smallSupplier, today);
        invoice.number = nextNumber(invoice.issuerId, InvoiceKind.INVOICE, today);
        invoice.issueDate = today;
        invoice.dueDate = today.plusDays(invoice.terms.days());
        invoice.issuedAt = clock.instant();
        invoice.printSupplier(supplier.legalName, supplier.address, !supplier.smallSupplier, supplier.gstNumber, supplier.qstNumber);
        invoice.printClient(client.legalName, client.address, client.province);
        freezeTaxes(invoice, quote.lines());
        invoice.taxTotal = quote.taxTotal();
        invoice.total = quote.total();
        invoice.issue();
        audit.record(caller.subject(), "INVOICE_ISSUED", "INVOICE", invoice.id, invoice.number + " total " + Money.format(invoice.total));
        return views.view(invoice);
    }

    /** What the supplier of an invoice issued directly (without a draft) prints about itself. */
    public record SupplierIdentity(UUID issuerId, String legalName, String address, String gstNumber, String qstNumber) {
    }

    /**
     * Issues an invoice at once, with one line, from a registered supplier that is not a secretary
     * (Pupitre selling promotions): numbered in the supplier's own series, taxed on the buyer's
     * province and today, payable on receipt.
     */
    @Transactional
    public Invoice issueDirect(Caller caller, SupplierIdentity supplier, BillingProfile buyer, String description, BigDecimal amount) {
        LocalDate today = LocalDate.now(clock.withZone(TaxService.QUEBEC));
        TaxQuote quote = taxService.quote(amount, buyer.province, true, today);
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.kind = InvoiceKind.INVOICE;
        invoice.issuerId = supplier.issuerId();
        invoice.clientId = buyer.userId;
        invoice.currency = Money.CAD;
        invoice.number = nextNumber(supplier.issuerId(), InvoiceKind.INVOICE, today);
        invoice.open(InvoiceState.ISSUED);
        invoice.issueDate = today;
        invoice.dueDate = today;
        invoice.issuedAt = clock.instant();
        invoice.printSupplier(supplier.legalName(), supplier.address(), true, supplier.gstNumber(), supplier.qstNumber());
        invoice.printClient(buyer.legalName, buyer.address, buyer.province);
        invoice.subtotal = quote.subtotal();
        invoice.taxTotal = quote.taxTotal();
        invoice.total = quote.total();
        invoice.createdAt = clock.instant();
        invoices.persist(invoice);
        lines.persist(InvoiceLine.fixed(invoice, 0, description, quote.subtotal()));
        freezeTaxes(invoice, quote.lines());
        audit.record(caller.subject(), "INVOICE_ISSUED", "INVOICE", invoice.id, invoice.number + " total " + Money.format(invoice.total));
        return invoice;
    }

    /**
     * A credit note on an open invoice: its own number series, the taxes of the original supply (the
     * invoice's province and date), at most what the client still owes. A credit of the whole
     * remaining subtotal takes exactly the remaining taxes, so rounding never leaves a cent behind.
     */
    @Transactional
    public InvoiceView creditNote(Caller caller, UUID invoiceId, CreditNoteRequest request) {
        Invoice invoice = access.locked(invoiceId);
        access.requireIssuer(caller, invoice);
        if (invoice.kind != InvoiceKind.INVOICE || !invoice.state().isOpen()) {
            throw ProblemException.conflict("INVOICE_NOT_CREDITABLE", invoice.state().name());
        }
        BigDecimal amount = Money.parsePositive("amount", request.amount());
        List<Invoice> previous = invoices.list("creditedInvoiceId", invoiceId);
        BigDecimal creditedSubtotal = previous.stream().map(i -> i.subtotal).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal remainingSubtotal = invoice.subtotal.subtract(creditedSubtotal);
        if (amount.compareTo(remainingSubtotal) > 0) {
            throw ProblemException.unprocessable("CREDIT_EXCEEDS_INVOICE", Money.format(amount), Money.format(remainingSubtotal));
        }
        List<TaxLine> taxLines;
        if (amount.compareTo(remainingSubtotal) == 0) {
            Map<String, BigDecimal> alreadyCredited = previous.isEmpty() ? Map.of()
                    : taxes.list("invoiceId in ?1", previous.stream().map(i -> i.id).toList()).stream()
                            .collect(Collectors.toMap(t -> t.code, t -> t.amount, BigDecimal::add));
            taxLines = taxes.list("invoiceId", invoiceId).stream()
                    .map(t -> new TaxLine(TaxCode.valueOf(t.code), t.rate,
                            t.amount.subtract(alreadyCredited.getOrDefault(t.code, Money.ZERO))))
                    .toList();
        } else {
            taxLines = taxService.quote(amount, invoice.clientProvince, Boolean.TRUE.equals(invoice.supplierRegistered),
                    invoice.issueDate).lines();
        }
        BigDecimal taxTotal = taxLines.stream().map(TaxLine::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal total = amount.add(taxTotal);
        if (total.compareTo(invoice.balance()) > 0) {
            throw ProblemException.unprocessable("CREDIT_EXCEEDS_BALANCE", Money.format(total), Money.format(invoice.balance()));
        }
        LocalDate today = LocalDate.now(clock.withZone(TaxService.QUEBEC));
        Invoice note = new Invoice();
        note.id = UUID.randomUUID();
        note.kind = InvoiceKind.CREDIT_NOTE;
        note.engagementId = invoice.engagementId;
        note.issuerId = invoice.issuerId;
        note.clientId = invoice.clientId;
        note.currency = invoice.currency;
        note.number = nextNumber(invoice.issuerId, InvoiceKind.CREDIT_NOTE, today);
        note.open(InvoiceState.ISSUED);
        note.issueDate = today;
        note.issuedAt = clock.instant();
        // a credit note prints the parties of the supply it corrects, as they were then
        note.printSupplier(invoice.supplierName, invoice.supplierAddress, invoice.supplierRegistered, invoice.supplierGst,
                invoice.supplierQst);
        note.printClient(invoice.clientName, invoice.clientAddress, invoice.clientProvince);
        note.subtotal = amount;
        note.taxTotal = taxTotal;
        note.total = total;
        note.creditedInvoiceId = invoice.id;
        note.reason = request.reason().strip();
        note.createdAt = clock.instant();
        invoices.persist(note);
        lines.persist(InvoiceLine.fixed(note, 0, note.reason, amount));
        freezeTaxes(note, taxLines);
        invoice.credit(total);
        if (invoice.state() == InvoiceState.PAID) { // the credit settled what was left of a partly paid invoice
            referrals.invoicePaid(invoice.id);
        }
        audit.record(caller.subject(), "CREDIT_NOTE_ISSUED", "INVOICE", note.id,
                note.number + " on " + invoice.number + " total " + Money.format(total));
        return views.view(note);
    }

    @Transactional
    public InvoiceView markUncollectible(Caller caller, UUID id) {
        Invoice invoice = access.locked(id);
        access.requireIssuer(caller, invoice);
        if (invoice.kind != InvoiceKind.INVOICE || !invoice.state().canBecome(InvoiceState.UNCOLLECTIBLE)) {
            throw ProblemException.conflict("INVALID_INVOICE_TRANSITION", invoice.state().name(), InvoiceState.UNCOLLECTIBLE.name());
        }
        invoice.writeOff();
        audit.record(caller.subject(), "INVOICE_UNCOLLECTIBLE", "INVOICE", invoice.id, invoice.number);
        return views.view(invoice);
    }

    private void freezeTaxes(Invoice invoice, List<TaxLine> taxLines) {
        for (TaxLine line : taxLines) {
            InvoiceTax tax = new InvoiceTax();
            tax.id = UUID.randomUUID();
            tax.invoiceId = invoice.id;
            tax.code = line.code().name();
            tax.rate = line.rate();
            tax.amount = line.amount();
            tax.currency = invoice.currency;
            taxes.persist(tax);
        }
    }

    /** The next number of the issuer's series for {@code kind} this year, taken when the transaction commits. */
    private String nextNumber(UUID issuer, InvoiceKind kind, LocalDate today) {
        return kind.number(today.getYear(), counters.next(issuer, kind.series(), today.getYear()));
    }
}
