package ca.pupitre.matching.domain.ranking;

import java.util.List;

/**
 * One part of a match explanation: {@code weight × value} is what it adds to the score; {@code key} and
 * {@code args} select and fill its sentence in the caller's language.
 */
public record Part(Factor factor, double weight, double value, String key, List<String> args) {

    public Part {
        args = List.copyOf(args);
    }

    public double contribution() {
        return weight * value;
    }
}
