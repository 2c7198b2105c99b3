package ca.pupitre.listings.domain;

/** Why the owner closed a listing. */
public enum CloseReason {
    FILLED, WITHDRAWN
}
