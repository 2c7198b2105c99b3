package ca.pupitre.listings.domain;

/** An OFFER is created by a SECRETARY (services she sells); a REQUEST by a CLIENT (a job to be done). */
public enum ListingKind {
    OFFER, REQUEST
}
