package ca.pupitre.billing.domain.tax;

import static ca.pupitre.billing.domain.tax.TaxCode.GST;
import static ca.pupitre.billing.domain.tax.TaxCode.HST;
import static ca.pupitre.billing.domain.tax.TaxCode.QST;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TaxRateTableTest {

    private static final String HEADER = "province,code,rate,effectiveFrom,effectiveTo\n";
    private static final LocalDate FAR_FUTURE = LocalDate.of(2100, 1, 1);

    private final TaxRateTable table = TaxRateTable.defaultTable();

    @Test
    void defaultTableIsLoadedOnce() {
        assertThat(TaxRateTable.defaultTable()).isSameAs(table);
        assertThat(table.firstDate()).isEqualTo(LocalDate.of(2013, 4, 1));
        assertThat(table.rates()).isNotEmpty();
    }

    @Test
    void answersQuebecRatesWithTheirExactScale() {
        List<TaxRate> rates = table.ratesInForce(Province.QC, LocalDate.of(2026, 11, 27));

        assertThat(rates).extracting(TaxRate::code).containsExactly(GST, QST);
        assertThat(rates).extracting(TaxRate::rate)
                .containsExactly(new BigDecimal("0.05"), new BigDecimal("0.09975"));
        assertThat(rates.get(1).rate().scale()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({
            "NS, 2013-04-01, HST, 0.15", "NS, 2025-03-31, HST, 0.15", "NS, 2025-04-01, HST, 0.14",
            "ON, 2026-11-27, HST, 0.13", "NB, 2016-06-30, HST, 0.13", "NB, 2016-07-01, HST, 0.15",
            "NL, 2016-07-01, HST, 0.15", "PE, 2016-09-30, HST, 0.14", "PE, 2016-10-01, HST, 0.15",
            "BC, 2026-11-27, GST, 0.05", "NU, 2100-01-01, GST, 0.05"})
    void answersTheSingleRateInForce(Province province, LocalDate date, TaxCode code, String rate) {
        assertThat(table.ratesInForce(province, date))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo(code);
                    assertThat(r.rate()).isEqualTo(new BigDecimal(rate));
                });
    }

    @Test
    void rejectsDateBeforeFirstDate() {
        LocalDate dayBefore = table.firstDate().minusDays(1);

        assertThatThrownBy(() -> table.ratesInForce(Province.QC, dayBefore))
                .isInstanceOfSatisfying(NoRateInForceException.class, e -> {
                    assertThat(e.code()).isEqualTo("NO_RATE_IN_FORCE");
                    assertThat(e.province()).isEqualTo(Province.QC);
                    assertThat(e.date()).isEqualTo(dayBefore);
                });
    }

    @Test
    void ratesAreUnmodifiable() {
        assertThatThrownBy(() -> table.rates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.ratesInForce(Province.QC, FAR_FUTURE).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // --- Sanity of the shipped data, checked independently of the loader's own validation ---

    @Test
    void shippedDataHasNoOverlappingOrGappedPeriodsPerProvinceAndTax() {
        Map<String, List<TaxRate>> series = table.rates().stream()
                .collect(groupingBy(r -> r.province() + "/" + r.code()));

        series.forEach((key, periods) -> {
            List<TaxRate> sorted = periods.stream().sorted(Comparator.comparing(TaxRate::effectiveFrom)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    assertThat(overlap(sorted.get(i), sorted.get(j)))
                            .as("%s: %s overlaps %s", key, sorted.get(i), sorted.get(j)).isFalse();
                }
            }
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i - 1).effectiveTo())
                        .as("%s: period before %s must end the day it starts", key, sorted.get(i))
                        .isEqualTo(sorted.get(i).effectiveFrom());
            }
            assertThat(sorted.get(sorted.size() - 1).isOpenEnded())
                    .as("%s: last period is open-ended", key).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(Province.class)
    void shippedDataCoversEveryProvinceFromFirstDateOn(Province province) {
        Set<TaxCode> atStart = codesOn(province, table.firstDate());

        for (LocalDate date : boundaryDates()) {
            assertThat(codesOn(province, date)).as("%s on %s", province, date).isEqualTo(atStart);
        }
        assertThat(codesOn(province, FAR_FUTURE)).isEqualTo(atStart);
    }

    @ParameterizedTest
    @EnumSource(Province.class)
    void shippedDataChargesTheRightKindOfTaxPerProvince(Province province) {
        Set<TaxCode> expected = switch (province) {
            case QC -> EnumSet.of(GST, QST);
            case ON, NS, NB, NL, PE -> EnumSet.of(HST);
            case AB, BC, MB, SK, YT, NT, NU -> EnumSet.of(GST);
        };
        for (LocalDate date : boundaryDates()) {
            assertThat(codesOn(province, date)).as("%s on %s", province, date).isEqualTo(expected);
        }
    }

    @Test
    void shippedGstAndQstRatesAreConstant() {
        assertThat(table.rates()).filteredOn(r -> r.code() == GST)
                .extracting(TaxRate::rate).containsOnly(new BigDecimal("0.05"));
        assertThat(table.rates()).filteredOn(r -> r.code() == QST)
                .extracting(TaxRate::rate).containsOnly(new BigDecimal("0.09975"));
    }

    // --- Loader ---

    @Test
    void parsesCommentsBlankLinesBomAndBlanksAroundFields() {
        TaxRateTable parsed = parse("\uFEFF# comment\n\n" + HEADER
                + " QC , GST , 0.05 , 2013-04-01 ,  \n"
                + "# another comment\n"
                + "QC,QST,0.09975,2013-04-01,2030-01-01\n"
                + "QC,QST,0.1,2030-01-01,\n");

        assertThat(parsed.firstDate()).isEqualTo(LocalDate.of(2013, 4, 1));
        assertThat(parsed.rates()).hasSize(3);
        assertThat(parsed.ratesInForce(Province.QC, LocalDate.of(2030, 1, 1)))
                .extracting(TaxRate::rate).containsExactly(new BigDecimal("0.05"), new BigDecimal("0.1"));
        assertThat(parsed.ratesInForce(Province.QC, LocalDate.of(2029, 12, 31)))
                .extracting(TaxRate::rate).containsExactly(new BigDecimal("0.05"), new BigDecimal("0.09975"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NS,HST,0.15,2013-04-01,2025-04-02\\nNS,HST,0.14,2025-04-01,  | overlaps
            NS,HST,0.15,2013-04-01,\\nNS,HST,0.14,2025-04-01,            | overlaps
            NS,HST,0.15,2013-04-01,2025-04-01\\nNS,HST,0.14,2013-04-01,  | overlaps
            NS,HST,0.15,2013-04-01,2025-03-31\\nNS,HST,0.14,2025-04-01,  | gap between 2025-03-31 and 2025-04-01
            XX,GST,0.05,2013-04-01,                                      | :2: Unknown province code
            QC,PST,0.05,2013-04-01,                                      | :2:
            QC,GST,abc,2013-04-01,                                       | :2:
            QC,GST,1.05,2013-04-01,                                      | strictly between 0 and 1
            QC,GST,0,2013-04-01,                                         | strictly between 0 and 1
            QC,GST,0.05,2013-04-01,2013-04-01                            | must be after effectiveFrom
            QC,GST,0.05,2013-13-01,                                      | :2:
            QC,GST,0.05,2013-04-01                                       | expected 5 columns
            QC,GST,0.05,2013-04-01,,                                     | expected 5 columns
            """)
    void rejectsInconsistentOrMalformedRows(String rows, String message) {
        assertThatThrownBy(() -> parse(HEADER + rows.replace("\\n", "\n") + "\n"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(TaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsMissingHeaderOrEmptyTable() {
        assertThatThrownBy(() -> parse("QC,GST,0.05,2013-04-01,\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected header");
        assertThatThrownBy(() -> parse("# nothing\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing header");
        assertThatThrownBy(() -> parse(HEADER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no rate");
    }

    @Test
    void rejectsMissingResource() {
        assertThatThrownBy(() -> TaxRateTable.fromResource("/tax/missing.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/tax/missing.csv");
    }

    @Test
    void periodBoundsAreInclusiveThenExclusive() {
        TaxRate rate = new TaxRate(Province.NS, HST, new BigDecimal("0.15"),
                LocalDate.of(2013, 4, 1), LocalDate.of(2025, 4, 1));

        assertThat(rate.isInForceOn(LocalDate.of(2013, 3, 31))).isFalse();
        assertThat(rate.isInForceOn(LocalDate.of(2013, 4, 1))).isTrue();
        assertThat(rate.isInForceOn(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(rate.isInForceOn(LocalDate.of(2025, 4, 1))).isFalse();
    }

    private static TaxRateTable parse(String csv) {
        return TaxRateTable.parse(new StringReader(csv), "test.csv");
    }

    private static boolean overlap(TaxRate a, TaxRate b) {
        LocalDate aEnd = a.isOpenEnded() ? LocalDate.MAX : a.effectiveTo();
        LocalDate bEnd = b.isOpenEnded() ? LocalDate.MAX : b.effectiveTo();
        return a.effectiveFrom().isBefore(bEnd) && b.effectiveFrom().isBefore(aEnd);
    }

    /** Every date on which some rate starts or ends, plus the day before each (within the table). */
    private TreeSet<LocalDate> boundaryDates() {
        TreeSet<LocalDate> dates = table.rates().stream()
                .flatMap(r -> r.isOpenEnded()
                        ? Stream.of(r.effectiveFrom())
                        : Stream.of(r.effectiveFrom(), r.effectiveTo()))
                .collect(toCollection(TreeSet::new));
        Set<LocalDate> dayBefore = dates.stream().map(d -> d.minusDays(1))
                .filter(d -> !d.isBefore(table.firstDate())).collect(Collectors.toSet());
        dates.addAll(dayBefore);
        return dates;
    }

    private Set<TaxCode> codesOn(Province province, LocalDate date) {
        return table.ratesInForce(province, date).stream().map(TaxRate::code)
                .collect(toCollection(() -> EnumSet.noneOf(TaxCode.class)));
    }
}
