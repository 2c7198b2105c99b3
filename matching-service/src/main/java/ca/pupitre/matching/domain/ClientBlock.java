package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A secretary's block of a client: no invitations from that client, no matches either way. */
@Entity
@Table(name = "client_block")
public class ClientBlock {

    @Embeddable
    public record Key(@Column(name = "secretary_id") UUID secretaryId, @Column(name = "client_id") UUID clientId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
