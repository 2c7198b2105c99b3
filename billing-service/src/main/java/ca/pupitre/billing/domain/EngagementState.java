package ca.pupitre.billing.domain;

/** ACTIVE → ENDED; an ended engagement takes no new time but can still be invoiced. */
public enum EngagementState {
    ACTIVE, ENDED
}
