package ca.pupitre.web.view;

import ca.pupitre.web.api.PupitreApi;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The skill taxonomy's labels ({@code GET /api/v1/skills}), kept five minutes: every result card names
 * skills, and the taxonomy changes with a release, not per request. When the API cannot answer, codes are
 * shown as they are rather than failing the page.
 */
@Singleton
public class SkillNames {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final PupitreApi api;
    private volatile Map<String, PupitreApi.Skill> byCode = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    public SkillNames(@RestClient PupitreApi api) {
        this.api = api;
    }

    public String label(String code, String lang) {
        PupitreApi.Skill skill = skills().get(code);
        return skill == null || skill.label() == null ? code : skill.label().in(lang);
    }

    /** Every skill, in the taxonomy's order. */
    public List<PupitreApi.Skill> all() {
        return List.copyOf(skills().values());
    }

    private Map<String, PupitreApi.Skill> skills() {
        if (Instant.now().isAfter(fetchedAt.plus(KEEP))) {
            try {
                Map<String, PupitreApi.Skill> fresh = new LinkedHashMap<>();
                for (PupitreApi.Skill s : api.listSkills()) {
                    fresh.put(s.code(), s);
                }
                byCode = fresh;
                fetchedAt = Instant.now();
            } catch (RuntimeException unavailable) {
                fetchedAt = Instant.now().minus(KEEP).plusSeconds(10); // try again in 10 s
            }
        }
        return byCode;
    }
}
