package ca.pupitre.matching.domain;

/** PENDING → ACCEPTED | DECLINED (by the secretary) | WITHDRAWN (by the client); the last three are final. */
public enum InvitationState {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN;

    public boolean canBecome(InvitationState next) {
        return this == PENDING && next != PENDING;
    }
}
