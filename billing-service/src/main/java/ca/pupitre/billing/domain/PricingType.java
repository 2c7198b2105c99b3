package ca.pupitre.billing.domain;

/** How an engagement is priced: by the hour, a fixed price billed by milestones, or per unit of work. */
public enum PricingType {
    HOURLY, FIXED, PER_UNIT
}
