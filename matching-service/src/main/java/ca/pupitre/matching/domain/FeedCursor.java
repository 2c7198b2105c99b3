package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a feed consumer resumes: the opaque cursor of the last page applied and that page's last sequence number. */
@Entity
@Table(name = "feed_cursor")
public class FeedCursor {

    @Id
    public String name;

    public String cursor;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
