package ca.pupitre.listings.domain;

import java.math.BigDecimal;

/** The units secretarial work is priced in, each with the highest amount we accept as plausible (CAD). */
public enum PricingUnit {
    HOUR("1000"), PAGE("500"), THOUSAND_WORDS("1000"), AUDIO_MINUTE("100"), FIXED("100000");

    private final BigDecimal max;

    PricingUnit(String max) {
        this.max = new BigDecimal(max);
    }

    public BigDecimal max() {
        return max;
    }
}
