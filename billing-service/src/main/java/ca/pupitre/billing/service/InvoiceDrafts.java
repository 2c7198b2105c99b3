package ca.pupitre.billing.service;

import ca.pupitre.billing.api.DraftUpdateRequest;
import ca.pupitre.billing.api.InvoiceRequest;
import ca.pupitre.billing.api.InvoiceView;
import ca.pupitre.billing.api.MilestoneRequest;
import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoiceLine;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.LineUnit;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.PricingType;
import ca.pupitre.billing.domain.TimeEntry;
import ca.pupitre.billing.domain.TimeEntryState;
import ca.pupitre.billing.repository.AuditLog;
import ca.pupitre.billing.repository.InvoiceLineRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.billing.repository.TimeEntryRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Draft invoices: built from an engagement's approved time (hourly or per unit) and milestones (fixed price),
 * edited and deleted by their issuer until issued. A draft's totals carry no tax: taxes are computed at issue.
 */
@ApplicationScoped
public class InvoiceDrafts {

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final TimeEntryRepository entries;
    private final EngagementService engagements;
    private final InvoiceAccess access;
    private final InvoiceViews views;
    private final AuditLog audit;
    private final Clock clock;

    public InvoiceDrafts(InvoiceRepository invoices, InvoiceLineRepository lines, TimeEntryRepository entries,
            EngagementService engagements, InvoiceAccess access, InvoiceViews views, AuditLog audit, Clock clock) {
        this.invoices = invoices;
        this.lines = lines;
        this.entries = entries;
        this.engagements = engagements;
        this.access = access;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

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
        invoices.flush();
        recomputeDraft(invoice);
        audit.record(caller.subject(), "INVOICE_DRAFTED", "INVOICE", invoice.id, null);
        return views.view(invoice);
    }

    @Transactional
    public InvoiceView updateDraft(Caller caller, UUID id, DraftUpdateRequest request) {
        Invoice invoice = access.locked(id);
        access.requireIssuer(caller, invoice);
        InvoiceAccess.requireDraft(invoice);
        lines.delete("invoiceId = ?1 and timeEntryId is null", id);
        int position = (int) lines.count("invoiceId", id);
        for (MilestoneRequest milestone : request.milestones()) {
            lines.persist(milestoneLine(invoice, milestone, position++));
        }
        if (position == 0) {
            throw ProblemException.unprocessable("NOTHING_TO_INVOICE");
        }
        invoices.flush();
        recomputeDraft(invoice);
        audit.record(caller.subject(), "INVOICE_DRAFT_EDITED", "INVOICE", invoice.id, null);
        return views.view(invoice);
    }

    @Transactional
    public void deleteDraft(Caller caller, UUID id) {
        Invoice invoice = access.locked(id);
        access.requireIssuer(caller, invoice);
        InvoiceAccess.requireDraft(invoice);
        entries.releaseFromInvoice(id);
        lines.delete("invoiceId", id);
        invoices.delete(invoice);
        audit.record(caller.subject(), "INVOICE_DRAFT_DELETED", "INVOICE", id, null);
    }

    private void recomputeDraft(Invoice invoice) {
        BigDecimal subtotal = lines.list("invoiceId", invoice.id).stream().map(l -> l.amount).reduce(Money.ZERO, BigDecimal::add);
        invoice.subtotal = subtotal;
        invoice.taxTotal = Money.ZERO;
        invoice.total = subtotal;
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
}
