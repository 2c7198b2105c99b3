package ca.pupitre.billing.rest.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Report shapes; amounts are decimal strings, before-tax unless named otherwise. */
public final class ReportViews {

    private ReportViews() {
    }

    /** Per month of issue: invoiced and credited (before tax), net, taxes net, and payments received that month. */
    public record Revenue(UUID secretaryId, int year, String currency, List<Month> months, String netTotal) {
    }

    public record Month(String month, String invoiced, String credited, String net, String taxes, String received) {
    }

    /** What goes on the GST/HST and QST returns for a period (by issue date). */
    public record Taxes(UUID secretaryId, LocalDate from, LocalDate to, String currency, String taxableSupplies,
            List<TaxLine> lines) {
    }

    public record TaxLine(String code, String collected, String credited, String net) {
    }

    /** Open invoices: all unpaid, and those past due. */
    public record Receivables(UUID secretaryId, LocalDate asOf, String currency, String totalDue, String totalOverdue,
            List<Open> unpaid, List<Open> overdue) {
    }

    public record Open(UUID id, String number, String clientName, LocalDate issueDate, LocalDate dueDate, String total,
            String balance, String state, long daysOverdue) {
    }
}
