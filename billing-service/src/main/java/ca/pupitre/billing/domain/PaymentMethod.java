package ca.pupitre.billing.domain;

public enum PaymentMethod {
    INTERAC, CHEQUE, CARD, OTHER
}
