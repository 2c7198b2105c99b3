package ca.pupitre.matching.domain.ranking;

import java.util.List;

/** A qualified pair's score and its explanation; the score is exactly the sum of the parts' contributions. */
public record Fit(double score, List<Part> parts) {

    public Fit {
        parts = List.copyOf(parts);
    }

    static Fit of(List<Part> parts) {
        double sum = 0;
        for (Part part : parts) {
            sum += part.contribution();
        }
        return new Fit(sum, parts);
    }
}
