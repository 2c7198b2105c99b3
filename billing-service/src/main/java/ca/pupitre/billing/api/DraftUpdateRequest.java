package ca.pupitre.billing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Replaces a draft's milestone lines (lines from time entries stay). */
public record DraftUpdateRequest(@NotNull @Size(max = 100) List<@Valid MilestoneRequest> milestones) {
}
