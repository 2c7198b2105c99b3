package ca.pupitre.matching.domain.ranking;

/** The parts of a match explanation; the scored ones carry a weight in the policy, the others weight 0. */
public enum Factor {
    SKILLS, LANGUAGES, PRICE, CAPACITY, TURNAROUND, REGION, RESPONSIVENESS, REPUTATION, NEWCOMER, REFERRALS
}
