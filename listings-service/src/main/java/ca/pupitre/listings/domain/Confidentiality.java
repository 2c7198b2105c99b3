package ca.pupitre.listings.domain;

/** Confidentiality the work needs: none, or the professional secrecy of legal, medical or notarial files. */
public enum Confidentiality {
    NONE, LEGAL, MEDICAL, NOTARIAL
}
