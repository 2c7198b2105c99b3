package ca.pupitre.billing.service;

import ca.pupitre.billing.api.ReportViews;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.repository.ReportRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A secretary's figures, from issued documents only: invoices count on their issue date, credit
 * notes subtract on theirs, payments count on the day received.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final Clock clock;

    public ReportService(ReportRepository reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** The secretary whose figures the caller may read: herself, or the one an admin names. */
    public UUID subject(Caller caller, UUID secretaryId) {
        if (caller.isAdmin()) {
            if (secretaryId == null) {
                throw ProblemException.badRequest("MISSING_PARAMETER", "secretaryId");
            }
            return secretaryId;
        }
        UUID me = caller.requirePersonId();
        if (secretaryId != null && !secretaryId.equals(me)) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
        return me;
    }

    public ReportViews.Revenue revenue(UUID secretary, int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("INVALID_YEAR", year);
        }
        Map<Integer, BigDecimal[]> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(m, new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO});
        }
        for (ReportRepository.MonthDocuments row : reports.documentsByMonth(secretary, year)) {
            BigDecimal[] month = months.get(row.month());
            boolean credit = "CREDIT_NOTE".equals(row.kind());
            month[credit ? 1 : 0] = month[credit ? 1 : 0].add(row.subtotal());
            month[2] = credit ? month[2].subtract(row.taxes()) : month[2].add(row.taxes());
        }
        for (ReportRepository.MonthReceived row : reports.receivedByMonth(secretary, year)) {
            months.get(row.month())[3] = row.amount();
        }
        List<ReportViews.Month> lines = new ArrayList<>();
        BigDecimal netTotal = Money.ZERO;
        for (Map.Entry<Integer, BigDecimal[]> e : months.entrySet()) {
            BigDecimal[] v = e.getValue();
            BigDecimal net = v[0].subtract(v[1]);
            netTotal = netTotal.add(net);
            lines.add(new ReportViews.Month(String.format("%d-%02d", year, e.getKey()), Money.format(v[0]), Money.format(v[1]),
                    Money.format(net), Money.format(v[2]), Money.format(v[3])));
        }
        return new ReportViews.Revenue(secretary, year, Money.CAD, lines, Money.format(netTotal));
    }

    public ReportViews.Taxes taxes(UUID secretary, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("INVALID_PERIOD", from, to);
        }
        Map<String, BigDecimal[]> byCode = new LinkedHashMap<>();
        for (String code : List.of("GST", "HST", "QST")) {
            byCode.put(code, new BigDecimal[] {Money.ZERO, Money.ZERO});
        }
        for (ReportRepository.TaxOnKind row : reports.taxesByKind(secretary, from, to)) {
            BigDecimal[] v = byCode.computeIfAbsent(row.code(), c -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            v["CREDIT_NOTE".equals(row.kind()) ? 1 : 0] = row.amount();
        }
        BigDecimal taxable = Money.ZERO;
        for (ReportRepository.SuppliesOfKind row : reports.suppliesByKind(secretary, from, to)) {
            taxable = "CREDIT_NOTE".equals(row.kind()) ? taxable.subtract(row.subtotal()) : taxable.add(row.subtotal());
        }
        List<ReportViews.TaxLine> lines = byCode.entrySet().stream()
                .map(e -> new ReportViews.TaxLine(e.getKey(), Money.format(e.getValue()[0]), Money.format(e.getValue()[1]),
                        Money.format(e.getValue()[0].subtract(e.getValue()[1]))))
                .toList();
        return new ReportViews.Taxes(secretary, from, to, Money.CAD, Money.format(taxable), lines);
    }

    public ReportViews.Receivables receivables(UUID secretary) {
        LocalDate today = LocalDate.now(clock.withZone(TaxService.QUEBEC));
        List<ReportViews.Open> unpaid = new ArrayList<>();
        List<ReportViews.Open> overdue = new ArrayList<>();
        BigDecimal due = Money.ZERO;
        BigDecimal late = Money.ZERO;
        for (ReportRepository.OpenInvoice r : reports.openInvoices(secretary)) {
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(r.dueDate(), today));
            BigDecimal balance = r.balance();
            ReportViews.Open open = new ReportViews.Open(r.id(), r.number(), r.clientName(), r.issueDate(),
                    r.dueDate(), Money.format(r.total()), Money.format(balance), r.state(), daysLate);
            unpaid.add(open);
            due = due.add(balance);
            if (daysLate > 0) {
                overdue.add(open);
                late = late.add(balance);
            }
        }
        return new ReportViews.Receivables(secretary, today, Money.CAD, Money.format(due), Money.format(late), unpaid, overdue);
    }

    /**
     * Every issued invoice and credit note of the period as CSV, written row by row from a database
     * cursor (never the whole period in memory). UTF-8 with a BOM so spreadsheets show accents.
     */
    public void csv(UUID secretary, LocalDate from, LocalDate to, OutputStream out) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("INVALID_PERIOD", from, to);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                try (Stream<ReportRepository.LedgerRow> rows = reports.ledger(secretary, from, to)) {
                    InvoicesCsv.write(rows.map(ReportRepository.LedgerRow::cells), w);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

}
