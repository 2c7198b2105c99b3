package ca.pupitre.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the forms' typed text becomes before it reaches the API. */
class AnswersTest {

    @Test
    void aDecimalAsTypedInEitherLanguage() {
        assertThat(Answers.decimal("38,50")).isEqualTo("38.50");
        assertThat(Answers.decimal("1 200,50 $")).isEqualTo("1200.50");
        assertThat(Answers.decimal("1\u00a0200,50\u00a0$")).isEqualTo("1200.50");
        assertThat(Answers.decimal(" 42.00 ")).isEqualTo("42.00");
        assertThat(Answers.decimal("   ")).isNull();
        assertThat(Answers.decimal(null)).isNull();
        // not a number: passed on as typed (without spaces), for the API to refuse with its field error
        assertThat(Answers.decimal("trente")).isEqualTo("trente");
    }

    @Test
    void anIdempotencyKeyOnlyWhenTheFormsOwn() {
        assertThat(Answers.idempotencyKey("0b8f8f0e-4a8e-4b7e-9c55-0c5f6a3f1a2b")).isEqualTo("0b8f8f0e-4a8e-4b7e-9c55-0c5f6a3f1a2b");
        assertThat(Answers.idempotencyKey(null)).isNull();
        assertThat(Answers.idempotencyKey("")).isNull();
        assertThat(Answers.idempotencyKey("not-a-key")).isNull();
        assertThat(Answers.idempotencyKey("0B8F8F0E-4A8E-4B7E-9C55-0C5F6A3F1A2B")).isNull();
        assertThat(Answers.idempotencyKey("0b8f8f0e-4a8e-4b7e-9c55-0c5f6a3f1a2b\nX-Injected: 1")).isNull();
    }
}
