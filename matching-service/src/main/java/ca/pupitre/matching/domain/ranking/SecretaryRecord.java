package ca.pupitre.matching.domain.ranking;

/**
 * A secretary's track record on Pupitre as matching knows it.
 *
 * @param completedEngagements engagements counted as done (newcomer when below the policy's threshold)
 * @param invitationsReceived invitations received (answered, or still pending past the answer window)
 * @param invitationsAnswered of those, accepted or declined
 * @param averageAnswerHours mean hours to answer, null without answers
 * @param reviewCount verified reviews
 * @param starSum sum of the stars of those reviews
 * @param exposures times this secretary was already shown in a client's top results while a newcomer
 */
public record SecretaryRecord(int completedEngagements, int invitationsReceived, int invitationsAnswered,
        Double averageAnswerHours, int reviewCount, int starSum, int exposures) {

    public static final SecretaryRecord NONE = new SecretaryRecord(0, 0, 0, null, 0, 0, 0);

    public SecretaryRecord(int completedEngagements, int invitationsReceived, int invitationsAnswered,
            Double averageAnswerHours, int reviewCount, int starSum) {
        this(completedEngagements, invitationsReceived, invitationsAnswered, averageAnswerHours, reviewCount, starSum, 0);
    }

    public SecretaryRecord withExposures(int count) {
        return new SecretaryRecord(completedEngagements, invitationsReceived, invitationsAnswered, averageAnswerHours,
                reviewCount, starSum, count);
    }
}
