package ca.pupitre.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxNumbersTest {

    @ParameterizedTest
    @CsvSource({"123456789 RT0001, 123456789 RT0001", "123456789RT0001, 123456789 RT0001", "' 123456789 rt 0002 ', 123456789 RT0002"})
    void canonicalGst(String raw, String canonical) {
        assertThat(TaxNumbers.gst(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678 RT0001", "1234567890 RT0001", "123456789 RC0001", "123456789 RT001", "RT0001", ""})
    void malformedGst(String raw) {
        assertThat(TaxNumbers.gst(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1234567890 TQ0001, 1234567890 TQ0001", "1234567890tq0001, 1234567890 TQ0001"})
    void canonicalQst(String raw, String canonical) {
        assertThat(TaxNumbers.qst(raw)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789 TQ0001", "1234567890 RT0001", "12345678901 TQ0001", "1234567890 TQ01"})
    void malformedQst(String raw) {
        assertThat(TaxNumbers.qst(raw)).isEmpty();
    }
}
