package ca.pupitre.matching.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Verified review totals per secretary: {@code [count, sum of stars]}. */
public interface ReputationSource {

    Map<UUID, int[]> starsOf(Collection<UUID> secretaryIds);
}
