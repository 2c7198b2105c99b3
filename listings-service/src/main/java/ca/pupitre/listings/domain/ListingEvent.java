package ca.pupitre.listings.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A recorded state change of a listing: who, when, from, to and why. Never updated. */
@Entity
@Table(name = "listing_event")
public class ListingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "listing_id")
    public UUID listingId;

    public String actor;
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ListingStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ListingStatus toStatus;

    public String reason;
}
