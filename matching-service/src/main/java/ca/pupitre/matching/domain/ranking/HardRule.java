package ca.pupitre.matching.domain.ranking;

/** Conditions a pair must meet before it is scored at all; failing one excludes the pair, whatever its score. */
public enum HardRule {
    OPEN, SKILLS, LANGUAGE, RATE, HOURS, REGION, CONFIDENTIALITY, NOT_BLOCKED
}
