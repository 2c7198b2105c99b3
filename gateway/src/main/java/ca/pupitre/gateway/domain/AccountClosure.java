package ca.pupitre.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A closed account's erasure across services, until each confirmed it. Billing confirmed before the account
 * was closed (it may refuse while business is open); listings and matching are asked right after, then
 * again by a job until they answer, and once more after the last access token of the account expired
 * ({@code finalPassAfter}), so that nothing written with such a token survives.
 */
@Entity
@Table(name = "account_closure")
public class AccountClosure {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "listings_done_at")
    public Instant listingsDoneAt;

    @Column(name = "matching_done_at")
    public Instant matchingDoneAt;

    @Column(name = "final_pass_after", nullable = false)
    public Instant finalPassAfter;

    @Column(name = "final_pass_at")
    public Instant finalPassAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 500)
    public String lastError;

    public boolean firstPassDone() {
        return listingsDoneAt != null && matchingDoneAt != null;
    }
}
