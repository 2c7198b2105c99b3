package ca.pupitre.billing.domain.tax;

import static ca.pupitre.billing.domain.tax.TaxCode.GST;
import static ca.pupitre.billing.domain.tax.TaxCode.HST;
import static ca.pupitre.billing.domain.tax.TaxCode.QST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxEngineTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 27);
    private static final BigDecimal GST_RATE = new BigDecimal("0.05");
    private static final BigDecimal QST_RATE = new BigDecimal("0.09975");

    private final TaxEngine engine = TaxEngine.withDefaultRates();

    @Test
    void quotesTheReferenceQuebecExample() {
        TaxQuote quote = engine.quote(new BigDecimal("475.00"), "QC", true, DATE);

        assertThat(quote.subtotal()).isEqualTo(new BigDecimal("475.00"));
        assertThat(quote.lines()).containsExactly(
                new TaxLine(GST, new BigDecimal("0.05"), new BigDecimal("23.75")),
                new TaxLine(QST, new BigDecimal("0.09975"), new BigDecimal("47.38")));
        assertThat(quote.taxTotal()).isEqualTo(new BigDecimal("71.13"));
        assertThat(quote.total()).isEqualTo(new BigDecimal("546.13"));
    }

    /**
     * Expected values are worked out by hand. BigDecimal equality is scale-sensitive here, so the
     * rows also check that rates keep the table's scale and amounts have scale 2. An empty column
     * means that tax is not charged.
     */
    @ParameterizedTest(name = "[{index}] {0} {1} on {2}")
    @CsvSource(textBlock = """
            # subtotal,  prov, date,       GST,        QST,        HST rate, HST,        taxTotal,   total
            475.00,      QC,   2026-11-27, 23.75,      47.38,      ,         ,           71.13,      546.13
            475.00,      qc,   2026-11-27, 23.75,      47.38,      ,         ,           71.13,      546.13
            1000.00,     QC,   2013-04-01, 50.00,      99.75,      ,         ,           149.75,     1149.75
            475.00,      ON,   2026-11-27, ,           ,           0.13,     61.75,      61.75,      536.75
            1000.00,     NS,   2025-03-31, ,           ,           0.15,     150.00,     150.00,     1150.00
            1000.00,     NS,   2025-04-01, ,           ,           0.14,     140.00,     140.00,     1140.00
            200.00,      NB,   2026-11-27, ,           ,           0.15,     30.00,      30.00,      230.00
            200.00,      NB,   2016-06-30, ,           ,           0.13,     26.00,      26.00,      226.00
            200.00,      NB,   2016-07-01, ,           ,           0.15,     30.00,      30.00,      230.00
            200.00,      NL,   2026-11-27, ,           ,           0.15,     30.00,      30.00,      230.00
            200.00,      PE,   2016-09-30, ,           ,           0.14,     28.00,      28.00,      228.00
            200.00,      PE,   2016-10-01, ,           ,           0.15,     30.00,      30.00,      230.00
            475.00,      AB,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            475.00,      BC,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            475.00,      MB,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            475.00,      SK,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            475.00,      YT,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            475.00,      NT,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            475.00,      NU,   2026-11-27, 23.75,      ,           ,         ,           23.75,      498.75
            # half-cent edges: HALF_UP, not HALF_EVEN (5.045 -> 5.05 where HALF_EVEN gives 5.04)
            100.90,      AB,   2026-11-27, 5.05,       ,           ,         ,           5.05,       105.95
            100.89,      AB,   2026-11-27, 5.04,       ,           ,         ,           5.04,       105.93
            100.90,      QC,   2026-11-27, 5.05,       10.06,      ,         ,           15.11,      116.01
            60.00,       QC,   2026-11-27, 3.00,       5.99,       ,         ,           8.99,       68.99
            140.00,      QC,   2026-11-27, 7.00,       13.97,      ,         ,           20.97,      160.97
            0.10,        QC,   2026-11-27, 0.01,       0.01,       ,         ,           0.02,       0.12
            0.01,        QC,   2026-11-27, 0.00,       0.00,       ,         ,           0.00,       0.01
            2.50,        ON,   2026-11-27, ,           ,           0.13,     0.33,       0.33,       2.83
            0.30,        NB,   2026-11-27, ,           ,           0.15,     0.05,       0.05,       0.35
            0.75,        NS,   2026-11-27, ,           ,           0.14,     0.11,       0.11,       0.86
            # zero subtotal: the lines are still shown, at 0.00
            0.00,        QC,   2026-11-27, 0.00,       0.00,       ,         ,           0.00,       0.00
            0.00,        ON,   2026-11-27, ,           ,           0.13,     0.00,       0.00,       0.00
            # large amounts
            12345678.99, QC,   2026-11-27, 617283.95,  1231481.48, ,         ,           1848765.43, 14194444.42
            12345678.99, ON,   2026-11-27, ,           ,           0.13,     1604938.27, 1604938.27, 13950617.26
            12345678.99, NS,   2026-11-27, ,           ,           0.14,     1728395.06, 1728395.06, 14074074.05
            """)
    void quotesRegisteredSupplier(String subtotal, String province, LocalDate date, String gst, String qst,
                                  String hstRate, String hst, String taxTotal, String total) {
        TaxQuote quote = engine.quote(new BigDecimal(subtotal), province, true, date);

        List<TaxLine> expected = new ArrayList<>();
        if (gst != null) {
            expected.add(new TaxLine(GST, GST_RATE, new BigDecimal(gst)));
        }
        if (qst != null) {
            expected.add(new TaxLine(QST, QST_RATE, new BigDecimal(qst)));
        }
        if (hst != null) {
            expected.add(new TaxLine(HST, new BigDecimal(hstRate), new BigDecimal(hst)));
        }
        assertThat(quote.subtotal()).isEqualTo(new BigDecimal(subtotal));
        assertThat(quote.lines()).containsExactlyElementsOf(expected);
        assertThat(quote.taxTotal()).isEqualTo(new BigDecimal(taxTotal));
        assertThat(quote.total()).isEqualTo(new BigDecimal(total));
    }

    @ParameterizedTest
    @EnumSource(Province.class)
    void smallSupplierChargesNoTaxAnywhere(Province province) {
        TaxQuote quote = engine.quote(new BigDecimal("475.00"), province.code(), false, DATE);

        assertThat(quote.lines()).isEmpty();
        assertThat(quote.taxTotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(quote.total()).isEqualTo(new BigDecimal("475.00"));
    }

    @Test
    void smallSupplierNeedsNoRateInForce() {
        TaxQuote quote = engine.quote(new BigDecimal("10"), "QC", false, LocalDate.of(2000, 1, 1));

        assertThat(quote.lines()).isEmpty();
        assertThat(quote.subtotal()).isEqualTo(new BigDecimal("10.00"));
        assertThat(quote.total()).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void smallSupplierInputIsStillValidated() {
        assertThatThrownBy(() -> engine.quote(new BigDecimal("10.00"), "XX", false, DATE))
                .isInstanceOf(UnknownProvinceException.class);
        assertThatThrownBy(() -> engine.quote(new BigDecimal("-1.00"), "QC", false, DATE))
                .isInstanceOf(NegativeAmountException.class);
        assertThatThrownBy(() -> engine.quote(new BigDecimal("1.001"), "QC", false, DATE))
                .isInstanceOf(InvalidAmountException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "Q", "QUE", "Québec", "PQ", "CA", " "})
    void rejectsUnknownProvince(String province) {
        assertThatThrownBy(() -> engine.quote(new BigDecimal("100.00"), province, true, DATE))
                .isInstanceOf(UnknownProvinceException.class)
                .isInstanceOf(TaxException.class)
                .extracting(e -> ((TaxException) e).code())
                .isEqualTo("UNKNOWN_PROVINCE");
    }

    @Test
    void acceptsProvinceCodeInAnyCaseWithBlanks() {
        assertThat(engine.quote(new BigDecimal("475.00"), " qc ", true, DATE))
                .isEqualTo(engine.quote(new BigDecimal("475.00"), "QC", true, DATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013-03-31", "2010-07-01", "1990-01-01"})
    void rejectsDateBeforeTheTable(LocalDate date) {
        assertThatThrownBy(() -> engine.quote(new BigDecimal("100.00"), "NS", true, date))
                .isInstanceOfSatisfying(NoRateInForceException.class, e -> {
                    assertThat(e.code()).isEqualTo("NO_RATE_IN_FORCE");
                    assertThat(e.province()).isEqualTo(Province.NS);
                    assertThat(e.date()).isEqualTo(date);
                    assertThat(e.args()).containsExactly("NS", date);
                })
                .isInstanceOf(TaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-475.00", "-1", "-0.001", "-1E+999999999"})
    @Timeout(5) // huge exponents must never be expanded to plain digits
    void rejectsNegativeSubtotal(String subtotal) {
        assertThatThrownBy(() -> engine.quote(new BigDecimal(subtotal), "QC", true, DATE))
                .isInstanceOfSatisfying(NegativeAmountException.class, e -> {
                    assertThat(e.code()).isEqualTo("NEGATIVE_AMOUNT");
                    assertThat(e.amount()).isEqualTo(new BigDecimal(subtotal));
                })
                .isInstanceOf(TaxException.class);
    }

    @ParameterizedTest
    @Timeout(5) // huge exponents must never be expanded to plain digits
    @ValueSource(strings = {"10.005", "100.001", "0.001", "475.0001", "12345678.999", "1E+15", "1E+999999999",
            "1E-999999999"})
    void rejectsFractionOfCentOrAbsurdSubtotal(String subtotal) {
        assertThatThrownBy(() -> engine.quote(new BigDecimal(subtotal), "QC", true, DATE))
                .isInstanceOfSatisfying(InvalidAmountException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_AMOUNT");
                    assertThat(e.amount()).isEqualTo(new BigDecimal(subtotal));
                })
                .isInstanceOf(TaxException.class);
    }

    @Test
    void rejectsMissingSubtotal() {
        assertThatThrownBy(() -> engine.quote(null, "QC", true, DATE))
                .isInstanceOfSatisfying(InvalidAmountException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_AMOUNT"));
    }

    @Test
    void missingDateIsAProgrammingError() {
        assertThatThrownBy(() -> engine.quote(BigDecimal.TEN, "QC", true, null))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @Timeout(5)
    @CsvSource({"10.000, 10.00", "10.5000000000000000000, 10.50", "10, 10.00", "10.5, 10.50",
            "1E+3, 1000.00", "0, 0.00", "0E-999999999, 0.00", "0E+999999999, 0.00",
            "999999999999999.99, 999999999999999.99"})
    void normalizesSubtotalToCents(String subtotal, String normalized) {
        TaxQuote quote = engine.quote(new BigDecimal(subtotal), "AB", true, DATE);

        assertThat(quote.subtotal()).isEqualTo(new BigDecimal(normalized));
        assertThat(quote.total()).isEqualTo(new BigDecimal(normalized).add(quote.taxTotal()));
    }

    @Test
    void errorCodesAreDistinct() {
        assertThat(List.of(UnknownProvinceException.CODE, NoRateInForceException.CODE,
                NegativeAmountException.CODE, InvalidAmountException.CODE))
                .containsExactly("UNKNOWN_PROVINCE", "NO_RATE_IN_FORCE", "NEGATIVE_AMOUNT", "INVALID_AMOUNT")
                .doesNotHaveDuplicates();
    }

    /**
     * Cross-checks the BigDecimal computation against integer arithmetic on cents for every subtotal
     * from 0.00 to 300.00: half-up rounding of {@code c × n / d} is {@code floor((2cn + d) / 2d)}.
     */
    @ParameterizedTest
    @CsvSource({"QC, GST, 5, 100", "QC, QST, 9975, 100000", "ON, HST, 13, 100", "NS, HST, 14, 100",
            "NB, HST, 15, 100", "AB, GST, 5, 100"})
    void matchesIntegerCentArithmetic(String province, TaxCode code, long numerator, long denominator) {
        for (long cents = 0; cents <= 30_000; cents++) {
            BigDecimal subtotal = BigDecimal.valueOf(cents, 2);
            TaxQuote quote = engine.quote(subtotal, province, true, DATE);

            long expectedCents = (2 * cents * numerator + denominator) / (2 * denominator);
            assertThat(quote.line(code)).as("%s %s on %s", province, code, subtotal)
                    .hasValueSatisfying(line -> assertThat(line.amount())
                            .isEqualTo(BigDecimal.valueOf(expectedCents, 2)));
            assertThat(quote.taxTotal()).isEqualTo(quote.lines().stream().map(TaxLine::amount)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
            assertThat(quote.total()).isEqualTo(subtotal.add(quote.taxTotal()));
        }
    }

    @Test
    void ratesComeFromTheTableNotFromCode() {
        LocalDate change = LocalDate.of(2030, 1, 1);
        TaxRateTable table = TaxRateTable.of(List.of(
                new TaxRate(Province.QC, GST, new BigDecimal("0.05"), LocalDate.of(2013, 4, 1), null),
                new TaxRate(Province.QC, QST, new BigDecimal("0.09975"), LocalDate.of(2013, 4, 1), change),
                new TaxRate(Province.QC, QST, new BigDecimal("0.1"), change, null)));
        TaxEngine custom = new TaxEngine(table);

        assertThat(custom.quote(new BigDecimal("100.00"), "QC", true, change.minusDays(1)).line(QST))
                .contains(new TaxLine(QST, new BigDecimal("0.09975"), new BigDecimal("9.98")));
        assertThat(custom.quote(new BigDecimal("100.00"), "QC", true, change).line(QST))
                .contains(new TaxLine(QST, new BigDecimal("0.1"), new BigDecimal("10.00")));
        assertThatThrownBy(() -> custom.quote(new BigDecimal("100.00"), "ON", true, change))
                .isInstanceOf(NoRateInForceException.class);
    }

    @Test
    void quoteLinesAreImmutable() {
        TaxQuote quote = engine.quote(new BigDecimal("475.00"), "QC", true, DATE);

        assertThatThrownBy(() -> quote.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
