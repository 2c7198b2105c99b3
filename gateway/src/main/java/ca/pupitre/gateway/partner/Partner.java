package ca.pupitre.gateway.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** A job board or classifieds site that pulls Pupitre's feeds with an API key. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    /** Comma-separated {@link Feed} names; read and written through {@link #feeds()}. */
    @Column(name = "feeds", nullable = false)
    String feedList;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public SortedSet<Feed> feeds() {
        if (feedList == null || feedList.isBlank()) {
            return new TreeSet<>();
        }
        return Arrays.stream(feedList.split(",")).map(Feed::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public void feeds(Set<Feed> feeds) {
        Set<Feed> sorted = feeds.isEmpty() ? EnumSet.noneOf(Feed.class) : EnumSet.copyOf(feeds);
        this.feedList = sorted.stream().map(Feed::name).collect(Collectors.joining(","));
    }
}
