package ca.pupitre.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.pupitre.platform.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"475, 475.00", "475.5, 475.50", "0.01, 0.01", "' 12.34 ', 12.34"})
    void parsesDecimalStrings(String raw, String expected) {
        assertThat(Money.format(Money.parse("amount", raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "1.001", "1e5", "12,50", "douze", "", "1234567890123456.00"})
    void refusesAnythingElse(String raw) {
        assertThatThrownBy(() -> Money.parse("amount", raw)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("INVALID_AMOUNT_FIELD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00"})
    void zeroIsNotAPositiveAmount(String raw) {
        assertThatThrownBy(() -> Money.parsePositive("amount", raw)).isInstanceOf(ProblemException.class);
    }
}
