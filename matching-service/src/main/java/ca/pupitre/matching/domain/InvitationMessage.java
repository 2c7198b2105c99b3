package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message of an invitation's thread between its client and its secretary. */
@Entity
@Table(name = "invitation_message")
public class InvitationMessage {

    @Id
    public UUID id;

    @Column(name = "invitation_id", nullable = false)
    public UUID invitationId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
