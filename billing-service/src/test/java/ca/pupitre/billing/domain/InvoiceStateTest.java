package ca.pupitre.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DRAFT, ISSUED, true",
            "DRAFT, PAID, false",
            "DRAFT, VOID, false",
            "ISSUED, PARTIALLY_PAID, true",
            "ISSUED, PAID, true",
            "ISSUED, VOID, true",
            "ISSUED, UNCOLLECTIBLE, true",
            "ISSUED, DRAFT, false",
            "PARTIALLY_PAID, PAID, true",
            "PARTIALLY_PAID, UNCOLLECTIBLE, true",
            "PARTIALLY_PAID, VOID, false",
            "PARTIALLY_PAID, DRAFT, false",
            "PAID, ISSUED, false",
            "PAID, VOID, false",
            "VOID, ISSUED, false",
            "UNCOLLECTIBLE, PAID, false"})
    void followsTheLifecycle(InvoiceState from, InvoiceState to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"DRAFT, false", "ISSUED, true", "PARTIALLY_PAID, true", "PAID, false", "VOID, false", "UNCOLLECTIBLE, false"})
    void onlyIssuedAndPartiallyPaidInvoicesAreOpen(InvoiceState state, boolean open) {
        assertThat(state.isOpen()).isEqualTo(open);
    }
}
