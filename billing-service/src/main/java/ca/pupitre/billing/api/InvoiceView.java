package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceLine;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.InvoiceTax;
import ca.pupitre.billing.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An invoice or credit note on the wire. Drafts carry no number, no taxes and no total: those are
 * fixed at issue with the tax engine.
 */
public record InvoiceView(UUID id, @Schema(enumeration = {"INVOICE", "CREDIT_NOTE"}) String kind,
        @Schema(maxLength = 24) String number,
        @Schema(description = "DRAFT, ISSUED, PARTIALLY_PAID, PAID, VOID or UNCOLLECTIBLE", maxLength = 16) String state,
        UUID engagementId, UUID issuerId, UUID clientId, @Schema(maxLength = Money.CURRENCY_MAX) String currency,
        @Schema(enumeration = {"NET_15", "NET_30"}) String terms, LocalDate issueDate, LocalDate dueDate, Instant issuedAt,
        Supplier supplier, Client client,
        @Schema(description = "One line per invoiced time entry, plus the milestones") List<Line> lines,
        @Schema(maxLength = Money.TEXT_MAX) String subtotal,
        @Schema(description = "At most one line per tax code", maxItems = 3) List<Tax> taxes,
        @Schema(maxLength = Money.TEXT_MAX) String taxTotal, @Schema(maxLength = Money.TEXT_MAX) String total, @Schema(maxLength = Money.TEXT_MAX) String paidTotal,
        @Schema(maxLength = Money.TEXT_MAX) String creditedTotal, @Schema(maxLength = Money.TEXT_MAX) String balance, UUID creditedInvoiceId,
        @Schema(maxLength = 1000) String reason,
        List<Related> creditNotes) {

    /** The invoice columns of the supplier's profile, frozen at issue. */
    public record Supplier(@Schema(maxLength = 200) String name, @Schema(maxLength = 500) String address,
            @Schema(maxLength = 20) String gstNumber, @Schema(maxLength = 20) String qstNumber, Boolean registered) {
    }

    public record Client(@Schema(maxLength = 200) String name, @Schema(maxLength = 500) String address,
            @Schema(maxLength = 2) String province) {
    }

    public record Line(@Schema(maxLength = 1000) String description, @Schema(maxLength = Money.TEXT_MAX) String quantity,
            @Schema(enumeration = {"HOUR", "FIXED", "PAGE", "THOUSAND_WORDS", "AUDIO_MINUTE"}) String unit, @Schema(maxLength = Money.TEXT_MAX) String unitPrice, @Schema(maxLength = Money.TEXT_MAX) String amount, UUID timeEntryId) {
    }

    /** {@code rate} is stored as numeric(9,5): at most 10 characters. */
    public record Tax(@Schema(enumeration = {"GST", "QST", "HST"}) String code, @Schema(maxLength = 10) String rate,
            @Schema(maxLength = Money.TEXT_MAX) String amount) {
    }

    public record Related(UUID id, @Schema(maxLength = 24) String number, @Schema(maxLength = Money.TEXT_MAX) String total) {
    }

    public static InvoiceView of(Invoice i, List<InvoiceLine> lines, List<InvoiceTax> taxes, List<Related> creditNotes) {
        boolean draft = i.state() == InvoiceState.DRAFT;
        return new InvoiceView(i.id, i.kind.name(), i.number, i.state().name(), i.engagementId, i.issuerId, i.clientId,
                i.currency, i.terms == null ? null : i.terms.name(), i.issueDate, i.dueDate, i.issuedAt,
                draft ? null : new Supplier(i.supplierName, i.supplierAddress, i.supplierGst, i.supplierQst, i.supplierRegistered),
                draft ? null : new Client(i.clientName, i.clientAddress, i.clientProvince),
                lines.stream().map(l -> new Line(l.description, Money.format(l.quantity), l.unit.name(), Money.format(l.unitPrice),
                        Money.format(l.amount), l.timeEntryId)).toList(),
                Money.format(i.subtotal),
                taxes.stream().map(t -> new Tax(t.code, t.rate.stripTrailingZeros().toPlainString(), Money.format(t.amount))).toList(),
                draft ? null : Money.format(i.taxTotal), draft ? null : Money.format(i.total),
                Money.format(i.paidTotal()), Money.format(i.creditedTotal()), draft ? null : Money.format(i.balance()),
                i.creditedInvoiceId, i.reason, creditNotes);
    }
}
