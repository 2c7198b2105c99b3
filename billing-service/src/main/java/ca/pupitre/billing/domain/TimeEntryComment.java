package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message of a disputed entry's trail; never edited. */
@Entity
@Table(name = "time_entry_comment")
public class TimeEntryComment {

    @Id
    public UUID id;
    @Column(name = "entry_id", nullable = false)
    public UUID entryId;
    @Column(name = "author_id", nullable = false)
    public UUID authorId;
    @Column(name = "author_role", nullable = false)
    public String authorRole;
    @Column(nullable = false)
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
