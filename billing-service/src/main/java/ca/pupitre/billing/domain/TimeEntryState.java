package ca.pupitre.billing.domain;

/**
 * SUBMITTED (editable by the secretary) → APPROVED (locked) or DISPUTED (comment trail; the
 * secretary's correction puts it back to SUBMITTED).
 */
public enum TimeEntryState {
    SUBMITTED, APPROVED, DISPUTED
}
