package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.BillingProfile;
import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoiceLine;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.InvoiceTax;
import ca.pupitre.billing.domain.LineUnit;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.PricingType;
import ca.pupitre.billing.domain.TimeEntry;
import ca.pupitre.billing.domain.TimeEntryState;
import ca.pupitre.billing.domain.tax.TaxCode;
import ca.pupitre.billing.domain.tax.TaxLine;
import ca.pupitre.billing.domain.tax.TaxQuote;
import ca.pupitre.billing.repository.AuditLog;
import ca.pupitre.billing.repository.BillingProfileRepository;
import ca.pupitre.billing.repository.InvoiceCounterRepository;
import ca.pupitre.billing.repository.InvoiceLineRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.billing.repository.InvoiceTaxRepository;
import ca.pupitre.billing.repository.TimeEntryRepository;
import ca.pupitre.billing.rest.dto.CreditNoteRequest;
import ca.pupitre.billing.rest.dto.DraftUpdateRequest;
import ca.pupitre.billing.rest.dto.InvoiceRequest;
import ca.pupitre.billing.rest.dto.InvoiceView;
import ca.pupitre.billing.rest.dto.MilestoneRequest;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Invoices and credit notes. Drafts are built from approved time and milestones and may change;
 * issuing numbers them (per issuer and year, without gaps), computes their taxes with the tax
 * engine on the client's province and the issue date, and freezes them. After that only the state
 * and the paid/credited totals move; corrections are credit notes.
 */
@ApplicationScoped
public class InvoiceService {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final InvoiceTaxRepository taxes;
    private final InvoiceCounterRepository counters;
    private final TimeEntryRepository entries;
    private final BillingProfileRepository profiles;
    private final EngagementService engagements;
    private final TaxService taxService;
    private final AuditLog audit;
    private final ReferralConversions referrals;
    private final EntityManager em;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, InvoiceLineRepository lines, InvoiceTaxRepository taxes,
            InvoiceCounterRepository counters, TimeEntryRepository entries, BillingProfileRepository profiles,
            EngagementService engagements, TaxService taxService, AuditLog audit, ReferralConversions referrals,
            EntityManager em, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.taxes = taxes;
        this.counters = counters;
        this.entries = entries;
        this.profiles = profiles;
        this.engagements = engagements;
        this.taxService = taxService;
        this.audit = audit;
        this.referrals = referrals;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public InvoiceView createDraft(Caller caller, InvoiceRequest request) {
        Engagement engagement = engagements.visible(caller, request.engagementId());
        if (!caller.isPerson(engagement.secretaryId, Roles.SECRETARY)) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
        List<MilestoneRequest> milestones = request.milestones() == null ? List.of() : request.milestones();
        if (engagement.pricingType == PricingType.FIXED && milestones.isEmpty()) {
            throw ProblemException.unprocessable("MILESTONES_REQUIRED");
        }
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.kind = InvoiceKind.INVOICE;
        invoice.engagementId = engagement.id;
        invoice.issuerId = engagement.secretaryId;
        invoice.clientId = engagement.clientId;
        invoice.open(InvoiceState.DRAFT);
        invoice.currency = engagement.currency;
        invoice.terms = engagement.terms;
        invoice.createdAt = clock.instant();
        invoice.subtotal = Money.ZERO;
        invoice.taxTotal = Money.ZERO;
        invoice.total = Money.ZERO;
        invoices.persist(invoice);
        int position = 0;
        if (engagement.pricingType != PricingType.FIXED) {
            List<TimeEntry> approved = entries.list("engagementId = ?1 and state = ?2 and invoiceId is null order by workDate, createdAt",
                    engagement.id, TimeEntryState.APPROVED);
            for (TimeEntry entry : approved) {
                InvoiceLine line = timeLine(engagement, entry);
                if (line == null) {
                    continue;
                }
                line.invoiceId = invoice.id;
                line.position = position++;
                lines.persist(line);
                entry.invoiceId = invoice.id;
            }
        }
        for (MilestoneRequest milestone : milestones) {
            lines.persist(milestoneLine(invoice, milestone, position++));
        }
        if (position == 0) {
            throw ProblemException.unprocessable("NOTHING_TO_INVOICE");
        }
        em.flush();
        recomputeDraft(invoice);
        audit.record(caller.subject(), "INVOICE_DRAFTED", "INVOICE", invoice.id, null);
        return view(invoice);
    }

    @Transactional
    public InvoiceView updateDraft(Caller caller, UUID id, DraftUpdateRequest request) {
        Invoice invoice = locked(id);
        requireIssuer(caller, invoice);
        requireDraft(invoice);
        lines.delete("invoiceId = ?1 and timeEntryId is null", id);
        int position = (int) lines.count("invoiceId", id);
        for (MilestoneRequest milestone : request.milestones()) {
            lines.persist(milestoneLine(invoice, milestone, position++));
        }
        if (position == 0) {
            throw ProblemException.unprocessable("NOTHING_TO_INVOICE");
        }
        em.flush();
        recomputeDraft(invoice);
        audit.record(caller.subject(), "INVOICE_DRAFT_EDITED", "INVOICE", invoice.id, null);
        return view(invoice);
    }

    @Transactional
    public void deleteDraft(Caller caller, UUID id) {
        Invoice invoice = locked(id);
        requireIssuer(caller, invoice);
        requireDraft(invoice);
        em.createQuery("update TimeEntry set invoiceId = null where invoiceId = ?1").setParameter(1, id).executeUpdate();
        lines.delete("invoiceId", id);
        invoices.delete(invoice);
        audit.record(caller.subject(), "INVOICE_DRAFT_DELETED", "INVOICE", id, null);
    }

    @Transactional
    public InvoiceView issue(Caller caller, UUID id) {
        Invoice invoice = locked(id);
        requireIssuer(caller, invoice);
        requireDraft(invoice);
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
        return view(invoice);
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
        Invoice invoice = locked(invoiceId);
        requireIssuer(caller, invoice);
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
        return view(note);
    }

    @Transactional
    public InvoiceView markUncollectible(Caller caller, UUID id) {
        Invoice invoice = locked(id);
        requireIssuer(caller, invoice);
        if (invoice.kind != InvoiceKind.INVOICE || !invoice.state().canBecome(InvoiceState.UNCOLLECTIBLE)) {
            throw ProblemException.conflict("INVALID_INVOICE_TRANSITION", invoice.state().name(), InvoiceState.UNCOLLECTIBLE.name());
        }
        invoice.writeOff();
        audit.record(caller.subject(), "INVOICE_UNCOLLECTIBLE", "INVOICE", invoice.id, invoice.number);
        return view(invoice);
    }

    @Transactional
    public InvoiceView get(Caller caller, UUID id) {
        return view(visible(caller, id));
    }

    Invoice visibleToAdmin(UUID id) {
        return invoices.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("INVOICE_NOT_FOUND", id));
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

    @Transactional
    /** A page of {@link #mine}: the invoices, newest first, and the cursor of the next page (null on the last). */
    public record InvoicePage(List<InvoiceView> items, String next) {
    }

    /**
     * The caller's invoices and credit notes, newest first: an admin's are all of them; a secretary's those she
     * issued and Pupitre's to her once issued; a client's those addressed to him once issued. {@code after} is
     * the cursor of the previous page. Four queries a page, whatever its size (the lines, taxes and credit notes
     * of the page's invoices are read together).
     */
    public InvoicePage mine(Caller caller, int limit, String after) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        if (caller.isAdmin()) {
            where.append("1 = 1");
        } else {
            parameters.put("me", caller.requirePersonId());
            parameters.put("draft", InvoiceState.DRAFT);
            where.append(caller.is(Roles.SECRETARY) ? "(issuerId = :me or (clientId = :me and state <> :draft))"
                    : "clientId = :me and state <> :draft");
        }
        InvoiceCursor cursor = InvoiceCursor.decode(after);
        if (cursor != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.put("at", cursor.createdAt());
            parameters.put("id", cursor.id());
        }
        List<Invoice> found = invoices.find(where + " order by createdAt desc, id desc", parameters).page(0, limit + 1).list();
        boolean more = found.size() > limit;
        List<Invoice> page = more ? found.subList(0, limit) : found;
        String next = more ? new InvoiceCursor(page.get(limit - 1).createdAt, page.get(limit - 1).id).encode() : null;
        return new InvoicePage(views(page), next);
    }

    /** The views of several invoices, their lines, taxes and credit notes read in three queries. */
    private List<InvoiceView> views(List<Invoice> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(i -> i.id).toList();
        Map<UUID, List<InvoiceLine>> linesOf = lines.list("invoiceId in ?1 order by position", ids).stream()
                .collect(Collectors.groupingBy(l -> l.invoiceId));
        Map<UUID, List<InvoiceTax>> taxesOf = taxes.list("invoiceId in ?1", ids).stream()
                .collect(Collectors.groupingBy(t -> t.invoiceId));
        Map<UUID, List<InvoiceView.Related>> notesOf = invoices.list("creditedInvoiceId in ?1 order by issuedAt", ids).stream()
                .collect(Collectors.groupingBy(n -> n.creditedInvoiceId,
                        Collectors.mapping(n -> new InvoiceView.Related(n.id, n.number, Money.format(n.total)), Collectors.toList())));
        return page.stream().map(i -> InvoiceView.of(i, linesOf.getOrDefault(i.id, List.of()), taxesOf.getOrDefault(i.id, List.of()),
                i.kind == InvoiceKind.INVOICE ? notesOf.getOrDefault(i.id, List.of()) : List.of())).toList();
    }

    public InvoiceView view(Invoice invoice) {
        return views(List.of(invoice)).get(0);
    }

    /** The invoice row locked for this transaction, so concurrent issues/payments on it queue up. */
    Invoice locked(UUID id) {
        Invoice invoice = em.find(Invoice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw ProblemException.notFound("INVOICE_NOT_FOUND", id);
        }
        return invoice;
    }

    void requireIssuer(Caller caller, Invoice invoice) {
        if (caller.isAdmin() || caller.isService()) {
            if (caller.isAdmin()) {
                return;
            }
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

    private static void requireDraft(Invoice invoice) {
        if (invoice.state() != InvoiceState.DRAFT) {
            throw ProblemException.conflict("INVOICE_NOT_DRAFT", invoice.state().name());
        }
    }

    private void recomputeDraft(Invoice invoice) {
        BigDecimal subtotal = lines.list("invoiceId", invoice.id).stream().map(l -> l.amount).reduce(Money.ZERO, BigDecimal::add);
        invoice.subtotal = subtotal;
        invoice.taxTotal = Money.ZERO;
        invoice.total = subtotal;
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

    private static InvoiceLine timeLine(Engagement engagement, TimeEntry entry) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.currency = engagement.currency;
        line.unitPrice = engagement.rate;
        line.timeEntryId = entry.id;
        line.description = entry.workDate + " " + entry.description;
        if (engagement.pricingType == PricingType.HOURLY) {
            if (entry.minutes == 0) {
                return null;
            }
            BigDecimal minutes = BigDecimal.valueOf(entry.minutes);
            line.quantity = minutes.divide(SIXTY, 2, RoundingMode.HALF_UP);
            line.unit = LineUnit.HOUR;
            line.amount = engagement.rate.multiply(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
        } else {
            if (entry.units == null || entry.units.signum() == 0) {
                return null;
            }
            line.quantity = entry.units;
            line.unit = LineUnit.of(engagement.unit);
            line.amount = Money.cents(engagement.rate.multiply(entry.units));
        }
        return line;
    }

    private static InvoiceLine milestoneLine(Invoice invoice, MilestoneRequest milestone, int position) {
        BigDecimal amount = Money.parsePositive("milestones[" + position + "].amount", milestone.amount());
        return InvoiceLine.fixed(invoice, position, milestone.description().strip(), amount);
    }

    /** The next number of the issuer's series for {@code kind} this year, taken when the transaction commits. */
    private String nextNumber(UUID issuer, InvoiceKind kind, LocalDate today) {
        return kind.number(today.getYear(), counters.next(issuer, kind.series(), today.getYear()));
    }
}
