package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.Money;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The period's invoices and credit notes as CSV, for a secretary's accountant: RFC 4180 as Apache Commons CSV
 * writes it (quoted only where needed, CRLF), UTF-8 with a byte-order mark so spreadsheets show accents, and
 * text typed by people (a client's name) that a spreadsheet would run as a formula written as text.
 */
final class InvoicesCsv {

    static final String[] HEADER = {"number", "kind", "issueDate", "dueDate", "client", "clientProvince", "subtotal", "GST",
        "HST", "QST", "total", "paid", "credited", "balance", "state", "creditedInvoice"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private InvoicesCsv() {
    }

    /**
     * Writes the header, then one record per row as the rows come (nothing is held); {@code out} is flushed,
     * not closed: it belongs to the caller.
     */
    static void write(Stream<Object[]> rows, Writer out) throws IOException {
        out.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (Object[] row : (Iterable<Object[]>) rows::iterator) {
            printer.printRecord(Arrays.stream(row).map(InvoicesCsv::cell));
        }
        printer.flush();
    }

    /** Amounts as the API writes them ({@code 475.00}); text starting with = + - @ gets a leading apostrophe. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return Money.format(amount);
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
