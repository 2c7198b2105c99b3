package ca.pupitre.listings.domain;

/** Why a listing was closed: by its owner (filled, withdrawn), or because she closed her account. */
public enum CloseReason {
    FILLED, WITHDRAWN, ACCOUNT_CLOSED
}
