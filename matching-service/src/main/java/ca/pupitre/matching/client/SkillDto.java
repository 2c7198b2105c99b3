package ca.pupitre.matching.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One entry of listings' skills taxonomy. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SkillDto(String code, String category, Texts label, Lists synonyms) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Texts(String fr, String en) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lists(List<String> fr, List<String> en) {
    }
}
