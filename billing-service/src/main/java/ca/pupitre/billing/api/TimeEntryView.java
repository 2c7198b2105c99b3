package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.TimeEntry;
import ca.pupitre.billing.domain.TimeEntryComment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TimeEntryView(UUID id, UUID engagementId, LocalDate date,
        @Schema(description = "0 to 1440, as TimeEntryRequest allows", minimum = "0", maximum = "1440") int minutes,
        @Schema(maxLength = Money.TEXT_MAX) String units, @Schema(maxLength = 1000) String description,
        @Schema(enumeration = {"SUBMITTED", "APPROVED", "DISPUTED"}) String state, UUID invoiceId,
        List<Comment> comments) {

    public record Comment(UUID authorId, @Schema(description = "The author's role", maxLength = 16) String authorRole,
            @Schema(maxLength = 2000) String body, Instant createdAt) {
        public static Comment of(TimeEntryComment c) {
            return new Comment(c.authorId, c.authorRole, c.body, c.createdAt);
        }
    }

    public static TimeEntryView of(TimeEntry e, List<TimeEntryComment> comments) {
        return new TimeEntryView(e.id, e.engagementId, e.workDate, e.minutes, e.units == null ? null : Money.format(e.units),
                e.description, e.state.name(), e.invoiceId, comments.stream().map(Comment::of).toList());
    }
}
