package ca.pupitre.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The SQL behind a secretary's reports, each answer mapped to a record here: issued documents only (drafts never
 * count), invoices on their issue date, credit notes on theirs, payments on the day received.
 */
@ApplicationScoped
public class ReportRepository {

    /** Issued subtotals and taxes of one month and kind (INVOICE or CREDIT_NOTE). */
    public record MonthDocuments(int month, String kind, BigDecimal subtotal, BigDecimal taxes) {
    }

    /** Money received in one month. */
    public record MonthReceived(int month, BigDecimal amount) {
    }

    /** One tax's amount on one kind of document. */
    public record TaxOnKind(String code, String kind, BigDecimal amount) {
    }

    /** Subtotals of one kind of document. */
    public record SuppliesOfKind(String kind, BigDecimal subtotal) {
    }

    /** An invoice still owed. */
    public record OpenInvoice(UUID id, String number, String clientName, LocalDate issueDate, LocalDate dueDate, BigDecimal total,
            BigDecimal balance, String state) {
    }

    /** One issued document as the accountant's CSV lists it, in its columns' order. */
    public record LedgerRow(String number, String kind, LocalDate issueDate, LocalDate dueDate, String client, String clientProvince,
            BigDecimal subtotal, BigDecimal gst, BigDecimal hst, BigDecimal qst, BigDecimal total, BigDecimal paid,
            BigDecimal credited, BigDecimal balance, String state, String creditedInvoice) {

        public Object[] cells() {
            return new Object[] {number, kind, issueDate, dueDate, client, clientProvince, subtotal, gst, hst, qst, total, paid,
                credited, balance, state, creditedInvoice};
        }
    }

    private final EntityManager em;

    public ReportRepository(EntityManager em) {
        this.em = em;
    }

    public List<MonthDocuments> documentsByMonth(UUID secretary, int year) {
        return rows("select cast(extract(month from issue_date) as integer), kind, sum(subtotal), sum(tax_total) from invoice"
                + " where issuer_id = ?1 and state <> 'DRAFT' and issue_date >= ?2 and issue_date < ?3 group by 1, 2",
                secretary, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .map(r -> new MonthDocuments(((Number) r[0]).intValue(), (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3])).toList();
    }

    public List<MonthReceived> receivedByMonth(UUID secretary, int year) {
        return rows("select cast(extract(month from p.received_on) as integer), sum(p.amount) from payment p"
                + " join invoice i on i.id = p.invoice_id where i.issuer_id = ?1 and p.received_on >= ?2 and p.received_on < ?3"
                + " group by 1", secretary, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .map(r -> new MonthReceived(((Number) r[0]).intValue(), (BigDecimal) r[1])).toList();
    }

    /** {@code to} included. */
    public List<TaxOnKind> taxesByKind(UUID secretary, LocalDate from, LocalDate to) {
        return rows("select t.code, i.kind, sum(t.amount) from invoice_tax t join invoice i on i.id = t.invoice_id"
                + " where i.issuer_id = ?1 and i.state <> 'DRAFT' and i.issue_date >= ?2 and i.issue_date <= ?3"
                + " group by 1, 2 order by 1", secretary, from, to)
                .map(r -> new TaxOnKind((String) r[0], (String) r[1], (BigDecimal) r[2])).toList();
    }

    /** {@code to} included. */
    public List<SuppliesOfKind> suppliesByKind(UUID secretary, LocalDate from, LocalDate to) {
        return rows("select kind, sum(subtotal) from invoice where issuer_id = ?1 and state <> 'DRAFT'"
                + " and issue_date >= ?2 and issue_date <= ?3 group by 1", secretary, from, to)
                .map(r -> new SuppliesOfKind((String) r[0], (BigDecimal) r[1])).toList();
    }

    /** Her invoices issued or partly paid, by due date. */
    public List<OpenInvoice> openInvoices(UUID secretary) {
        return rows("select id, number, client_name, issue_date, due_date, total, total - paid_total - credited_total, state"
                + " from invoice where issuer_id = ?1 and kind = 'INVOICE' and state in ('ISSUED', 'PARTIALLY_PAID')"
                + " order by due_date, number", secretary)
                .map(r -> new OpenInvoice((UUID) r[0], (String) r[1], (String) r[2], localDate(r[3]), localDate(r[4]),
                        (BigDecimal) r[5], (BigDecimal) r[6], (String) r[7])).toList();
    }

    /**
     * Every issued document of the period ({@code to} included), by issue date, read through a database cursor
     * 200 rows at a time; the caller closes the stream, inside a transaction.
     */
    public Stream<LedgerRow> ledger(UUID secretary, LocalDate from, LocalDate to) {
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
        return rows.map(r -> new LedgerRow((String) r[0], (String) r[1], localDate(r[2]), localDate(r[3]), (String) r[4],
                (String) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9], (BigDecimal) r[10],
                (BigDecimal) r[11], (BigDecimal) r[12], (BigDecimal) r[13], (String) r[14], (String) r[15]));
    }

    @SuppressWarnings("unchecked")
    private Stream<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof LocalDate d ? Date.valueOf(d) : parameters[i];
            query.setParameter(i + 1, value);
        }
        return ((List<Object[]>) query.getResultList()).stream();
    }

    private static LocalDate localDate(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }
}
