package ca.pupitre.gateway.partner;

/** ACTIVE: works. GRACE: rotated out, works until its expiry. REVOKED: revoked, or past its grace. */
public enum PartnerKeyStatus {
    ACTIVE, GRACE, REVOKED
}
