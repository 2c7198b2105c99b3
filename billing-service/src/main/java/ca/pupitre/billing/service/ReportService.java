package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.rest.dto.ReportViews;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
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

    private final EntityManager em;
    private final Clock clock;

    public ReportService(EntityManager em, Clock clock) {
        this.em = em;
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

    @SuppressWarnings("unchecked")
    public ReportViews.Revenue revenue(UUID secretary, int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("INVALID_YEAR", year);
        }
        Map<Integer, BigDecimal[]> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(m, new BigDecimal[] {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO});
        }
        Date from = Date.valueOf(LocalDate.of(year, 1, 1));
        Date to = Date.valueOf(LocalDate.of(year + 1, 1, 1));
        List<Object[]> documents = em.createNativeQuery("select cast(extract(month from issue_date) as integer), kind,"
                        + " sum(subtotal), sum(tax_total) from invoice where issuer_id = ?1 and state <> 'DRAFT'"
                        + " and issue_date >= ?2 and issue_date < ?3 group by 1, 2")
                .setParameter(1, secretary).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : documents) {
            BigDecimal[] month = months.get(((Number) row[0]).intValue());
            boolean credit = "CREDIT_NOTE".equals(row[1]);
            BigDecimal subtotal = (BigDecimal) row[2];
            BigDecimal taxes = (BigDecimal) row[3];
            month[credit ? 1 : 0] = month[credit ? 1 : 0].add(subtotal);
            month[2] = credit ? month[2].subtract(taxes) : month[2].add(taxes);
        }
        List<Object[]> received = em.createNativeQuery("select cast(extract(month from p.received_on) as integer), sum(p.amount)"
                        + " from payment p join invoice i on i.id = p.invoice_id where i.issuer_id = ?1"
                        + " and p.received_on >= ?2 and p.received_on < ?3 group by 1")
                .setParameter(1, secretary).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : received) {
            months.get(((Number) row[0]).intValue())[3] = (BigDecimal) row[1];
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

    @SuppressWarnings("unchecked")
    public ReportViews.Taxes taxes(UUID secretary, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("INVALID_PERIOD", from, to);
        }
        List<Object[]> rows = em.createNativeQuery("select t.code, i.kind, sum(t.amount) from invoice_tax t"
                        + " join invoice i on i.id = t.invoice_id where i.issuer_id = ?1 and i.state <> 'DRAFT'"
                        + " and i.issue_date >= ?2 and i.issue_date <= ?3 group by 1, 2 order by 1")
                .setParameter(1, secretary).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to)).getResultList();
        Map<String, BigDecimal[]> byCode = new LinkedHashMap<>();
        for (String code : List.of("GST", "HST", "QST")) {
            byCode.put(code, new BigDecimal[] {Money.ZERO, Money.ZERO});
        }
        for (Object[] row : rows) {
            BigDecimal[] v = byCode.computeIfAbsent((String) row[0], c -> new BigDecimal[] {Money.ZERO, Money.ZERO});
            v["CREDIT_NOTE".equals(row[1]) ? 1 : 0] = (BigDecimal) row[2];
        }
        List<Object[]> supplies = em.createNativeQuery("select kind, sum(subtotal) from invoice where issuer_id = ?1"
                        + " and state <> 'DRAFT' and issue_date >= ?2 and issue_date <= ?3 group by 1")
                .setParameter(1, secretary).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to)).getResultList();
        BigDecimal taxable = Money.ZERO;
        for (Object[] row : supplies) {
            taxable = "CREDIT_NOTE".equals(row[0]) ? taxable.subtract((BigDecimal) row[1]) : taxable.add((BigDecimal) row[1]);
        }
        List<ReportViews.TaxLine> lines = byCode.entrySet().stream()
                .map(e -> new ReportViews.TaxLine(e.getKey(), Money.format(e.getValue()[0]), Money.format(e.getValue()[1]),
                        Money.format(e.getValue()[0].subtract(e.getValue()[1]))))
                .toList();
        return new ReportViews.Taxes(secretary, from, to, Money.CAD, Money.format(taxable), lines);
    }

    @SuppressWarnings("unchecked")
    public ReportViews.Receivables receivables(UUID secretary) {
        LocalDate today = LocalDate.now(clock.withZone(TaxService.QUEBEC));
        List<Object[]> rows = em.createNativeQuery("select id, number, client_name, issue_date, due_date, total,"
                        + " total - paid_total - credited_total, state from invoice where issuer_id = ?1 and kind = 'INVOICE'"
                        + " and state in ('ISSUED', 'PARTIALLY_PAID') order by due_date, number")
                .setParameter(1, secretary).getResultList();
        List<ReportViews.Open> unpaid = new ArrayList<>();
        List<ReportViews.Open> overdue = new ArrayList<>();
        BigDecimal due = Money.ZERO;
        BigDecimal late = Money.ZERO;
        for (Object[] r : rows) {
            LocalDate dueDate = localDate(r[4]);
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
            BigDecimal balance = (BigDecimal) r[6];
            ReportViews.Open open = new ReportViews.Open((UUID) r[0], (String) r[1], (String) r[2], localDate(r[3]),
                    dueDate, Money.format((BigDecimal) r[5]), Money.format(balance), (String) r[7], daysLate);
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
                @SuppressWarnings("unchecked")
                Stream<Object[]> rows = em.createNativeQuery("select i.number, i.kind, i.issue_date, i.due_date, i.client_name,"
                                + " i.client_province, i.subtotal,"
                                + " coalesce((select sum(amount) from invoice_tax t where t.invoice_id = i.id and t.code = 'GST'), 0),"
                                + " coalesce((select sum(amount) from invoice_tax t where t.invoice_id = i.id and t.code = 'HST'), 0),"
                                + " coalesce((select sum(amount) from invoice_tax t where t.invoice_id = i.id and t.code = 'QST'), 0),"
                                + " i.total, i.paid_total, i.credited_total, i.total - i.paid_total - i.credited_total, i.state,"
                                + " (select o.number from invoice o where o.id = i.credited_invoice_id)"
                                + " from invoice i where i.issuer_id = ?1 and i.state <> 'DRAFT' and i.issue_date >= ?2"
                                + " and i.issue_date <= ?3 order by i.issue_date, i.kind, i.number")
                        .setParameter(1, secretary).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                        .setHint("org.hibernate.fetchSize", 200)
                        .getResultStream();
                try (rows) {
                    InvoicesCsv.write(rows, w);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((Date) value).toLocalDate();
    }

}
