package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Report shapes; amounts are decimal strings, before-tax unless named otherwise. */
public final class ReportViews {

    private ReportViews() {
    }

    /** Per month of issue: invoiced and credited (before tax), net, taxes net, and payments received that month. */
    public record Revenue(UUID secretaryId, @Schema(minimum = "2000", maximum = "2100") int year, @Schema(enumeration = "CAD") String currency,
            @Schema(maxItems = 12) List<Month> months, @Schema(maxLength = Money.SUM_TEXT_MAX) String netTotal) {
    }

    public record Month(@Schema(example = "2026-11", maxLength = 7) String month, @Schema(maxLength = Money.SUM_TEXT_MAX) String invoiced,
            @Schema(maxLength = Money.SUM_TEXT_MAX) String credited, @Schema(maxLength = Money.SUM_TEXT_MAX) String net, @Schema(maxLength = Money.SUM_TEXT_MAX) String taxes, @Schema(maxLength = Money.SUM_TEXT_MAX) String received) {
    }

    /** What goes on the GST/HST and QST returns for a period (by issue date). */
    public record Taxes(UUID secretaryId, LocalDate from, LocalDate to, @Schema(enumeration = "CAD") String currency,
            @Schema(maxLength = Money.SUM_TEXT_MAX) String taxableSupplies, @Schema(description = "At most one line per tax code", maxItems = 3) List<TaxLine> lines) {
    }

    public record TaxLine(@Schema(enumeration = {"GST", "QST", "HST"}) String code, @Schema(maxLength = Money.SUM_TEXT_MAX) String collected,
            @Schema(maxLength = Money.SUM_TEXT_MAX) String credited, @Schema(maxLength = Money.SUM_TEXT_MAX) String net) {
    }

    /** Open invoices: all unpaid, and those past due. */
    public record Receivables(UUID secretaryId, LocalDate asOf, @Schema(enumeration = "CAD") String currency, @Schema(maxLength = Money.SUM_TEXT_MAX) String totalDue,
            @Schema(maxLength = Money.SUM_TEXT_MAX) String totalOverdue, List<Open> unpaid, List<Open> overdue) {
    }

    /** {@code daysOverdue}: days between two dates of four-digit years, so under 3,652,059. */
    public record Open(UUID id, @Schema(maxLength = 24) String number, @Schema(maxLength = 200) String clientName,
            LocalDate issueDate, LocalDate dueDate, @Schema(maxLength = Money.TEXT_MAX) String total, @Schema(maxLength = Money.TEXT_MAX) String balance,
            @Schema(maxLength = 16) String state,
            @Schema(format = "int64", minimum = "0", maximum = "3652059") long daysOverdue) {
    }
}
