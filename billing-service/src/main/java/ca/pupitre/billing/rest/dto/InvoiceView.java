package ca.pupitre.billing.rest.dto;

import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceLine;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.InvoiceTax;
import ca.pupitre.billing.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice or credit note on the wire. Drafts carry no number, no taxes and no total: those are
 * fixed at issue with the tax engine.
 */
public record InvoiceView(UUID id, String kind, String number, String state, UUID engagementId, UUID issuerId,
        UUID clientId, String currency, String terms, LocalDate issueDate, LocalDate dueDate, Instant issuedAt,
        Supplier supplier, Client client, List<Line> lines, String subtotal, List<Tax> taxes, String taxTotal,
        String total, String paidTotal, String creditedTotal, String balance, UUID creditedInvoiceId, String reason,
        List<Related> creditNotes) {

    public record Supplier(String name, String address, String gstNumber, String qstNumber, Boolean registered) {
    }

    public record Client(String name, String address, String province) {
    }

    public record Line(String description, String quantity, String unit, String unitPrice, String amount, UUID timeEntryId) {
    }

    public record Tax(String code, String rate, String amount) {
    }

    public record Related(UUID id, String number, String total) {
    }

    public static InvoiceView of(Invoice i, List<InvoiceLine> lines, List<InvoiceTax> taxes, List<Related> creditNotes) {
        boolean draft = i.state == InvoiceState.DRAFT;
        return new InvoiceView(i.id, i.kind.name(), i.number, i.state.name(), i.engagementId, i.issuerId, i.clientId,
                i.currency, i.terms == null ? null : i.terms.name(), i.issueDate, i.dueDate, i.issuedAt,
                draft ? null : new Supplier(i.supplierName, i.supplierAddress, i.supplierGst, i.supplierQst, i.supplierRegistered),
                draft ? null : new Client(i.clientName, i.clientAddress, i.clientProvince),
                lines.stream().map(l -> new Line(l.description, Money.format(l.quantity), l.unit, Money.format(l.unitPrice),
                        Money.format(l.amount), l.timeEntryId)).toList(),
                Money.format(i.subtotal),
                taxes.stream().map(t -> new Tax(t.code, t.rate.stripTrailingZeros().toPlainString(), Money.format(t.amount))).toList(),
                draft ? null : Money.format(i.taxTotal), draft ? null : Money.format(i.total),
                Money.format(i.paidTotal), Money.format(i.creditedTotal), draft ? null : Money.format(i.balance()),
                i.creditedInvoiceId, i.reason, creditNotes);
    }
}
