package ca.pupitre.gateway.domain;

/** Who a token speaks for. People register as SECRETARY or CLIENT; ADMIN comes from configuration. */
public enum Role {
    SECRETARY, CLIENT, ADMIN, SERVICE, PARTNER;

    public boolean selfRegistrable() {
        return this == SECRETARY || this == CLIENT;
    }
}
