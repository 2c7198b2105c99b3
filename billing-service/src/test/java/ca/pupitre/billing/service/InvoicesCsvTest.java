package ca.pupitre.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InvoicesCsvTest {

    private static Object[] row(String number, String kind, String client, String total, String credited) {
        BigDecimal t = new BigDecimal(total);
        return new Object[] {number, kind, LocalDate.of(2026, 12, 3), kind.equals("INVOICE") ? LocalDate.of(2027, 1, 2) : null,
            client, "QC", new BigDecimal("475"), new BigDecimal("23.75"), BigDecimal.ZERO, new BigDecimal("47.38"), t,
            BigDecimal.ZERO, BigDecimal.ZERO, t, "ISSUED", credited};
    }

    @Test
    void recordsAreQuotedOnlyWhereNeededAndFormulasTypedByPeopleStayText() throws Exception {
        StringWriter out = new StringWriter();
        InvoicesCsv.write(Stream.of(
                row("2026-000001", "INVOICE", "=HYPERLINK(\"http://x\",\"Cie, inc.\")", "546.13", null),
                row("2026-000002", "INVOICE", "Le \"Cabinet\"\nnotaires", "546.13", null),
                row("NC-2026-000001", "CREDIT_NOTE", "@Étude Tremblay", "546.13", "2026-000001")), out);

        assertThat(out.toString()).isEqualTo("\uFEFF"
                + "number,kind,issueDate,dueDate,client,clientProvince,subtotal,GST,HST,QST,total,paid,credited,balance,state,creditedInvoice\r\n"
                + "2026-000001,INVOICE,2026-12-03,2027-01-02,\"'=HYPERLINK(\"\"http://x\"\",\"\"Cie, inc.\"\")\",QC,"
                + "475.00,23.75,0.00,47.38,546.13,0.00,0.00,546.13,ISSUED,\r\n"
                + "2026-000002,INVOICE,2026-12-03,2027-01-02,\"Le \"\"Cabinet\"\"\nnotaires\",QC,"
                + "475.00,23.75,0.00,47.38,546.13,0.00,0.00,546.13,ISSUED,\r\n"
                + "NC-2026-000001,CREDIT_NOTE,2026-12-03,,'@Étude Tremblay,QC,"
                + "475.00,23.75,0.00,47.38,546.13,0.00,0.00,546.13,ISSUED,2026-000001\r\n");
    }

    @Test
    void amountsAreNeverMistakenForFormulas() {
        assertThat(InvoicesCsv.cell(new BigDecimal("-14.98"))).isEqualTo("-14.98");
        assertThat(InvoicesCsv.cell("-14.98")).isEqualTo("'-14.98");
        assertThat(InvoicesCsv.cell("+1 514 555 0100")).isEqualTo("'+1 514 555 0100");
        assertThat(InvoicesCsv.cell(null)).isEmpty();
    }
}
