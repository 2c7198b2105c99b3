package ca.pupitre.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The invoice owns its state: each move is one of {@link InvoiceState#canBecome}'s, or it does not happen. */
class InvoiceTransitionsTest {

    private static Invoice issuedFor(String total) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.open(InvoiceState.DRAFT);
        invoice.total = new BigDecimal(total);
        invoice.issue();
        return invoice;
    }

    @Test
    void aDraftIsIssuedOnceAndOpensOnce() {
        Invoice invoice = issuedFor("100.00");
        assertThat(invoice.state()).isEqualTo(InvoiceState.ISSUED);
        assertThat(invoice.paidTotal()).isEqualByComparingTo("0");
        assertThatThrownBy(invoice::issue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invoice.open(InvoiceState.DRAFT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Invoice().open(InvoiceState.PAID)).as("nothing is born paid").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Invoice().issue()).as("nothing is issued before it exists").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void paymentsMoveItToPartlyPaidThenPaidAndNothingFollowsPaid() {
        Invoice invoice = issuedFor("114.98");
        invoice.receive(new BigDecimal("14.98"));
        assertThat(invoice.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
        invoice.receive(new BigDecimal("100.00"));
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
        assertThat(invoice.balance()).isEqualByComparingTo("0");
        assertThatThrownBy(invoice::writeOff).isInstanceOf(IllegalStateException.class);
        assertThat(invoice.state()).isEqualTo(InvoiceState.PAID);
    }

    @Test
    void aCreditThatSettlesItVoidsAnUnpaidInvoiceAndPaysAPartlyPaidOne() {
        Invoice unpaid = issuedFor("114.98");
        unpaid.credit(new BigDecimal("14.98"));
        assertThat(unpaid.state()).as("a partial credit changes only the balance").isEqualTo(InvoiceState.ISSUED);
        unpaid.credit(new BigDecimal("100.00"));
        assertThat(unpaid.state()).isEqualTo(InvoiceState.VOID);

        Invoice partlyPaid = issuedFor("114.98");
        partlyPaid.receive(new BigDecimal("50.00"));
        partlyPaid.credit(new BigDecimal("64.98"));
        assertThat(partlyPaid.state()).isEqualTo(InvoiceState.PAID);
        assertThat(partlyPaid.creditedTotal()).isEqualByComparingTo("64.98");
    }

    @Test
    void anOpenInvoiceMayBeWrittenOffOnce() {
        Invoice invoice = issuedFor("100.00");
        invoice.writeOff();
        assertThat(invoice.state()).isEqualTo(InvoiceState.UNCOLLECTIBLE);
        assertThatThrownBy(invoice::writeOff).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invoice.receive(BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invoice.credit(BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
        assertThat(invoice.paidTotal()).as("a refused move changes nothing").isEqualByComparingTo("0");
        assertThat(invoice.creditedTotal()).isEqualByComparingTo("0");
    }
}
