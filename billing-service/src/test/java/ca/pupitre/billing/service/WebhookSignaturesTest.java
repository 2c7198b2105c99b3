package ca.pupitre.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(WebhookSignatures.sign("secret", 1700000000L, "{\"a\":1}"))
                .isEqualTo(OPENSSL_VECTOR);
    }

    static final String OPENSSL_VECTOR = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";
}
