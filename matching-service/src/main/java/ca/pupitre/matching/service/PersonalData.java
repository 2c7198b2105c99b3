package ca.pupitre.matching.service;

import ca.pupitre.matching.api.AlertView;
import ca.pupitre.matching.api.BlockView;
import ca.pupitre.matching.api.InvitationView;
import ca.pupitre.matching.api.MessageView;
import ca.pupitre.matching.api.ReviewView;
import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.repository.AlertRepository;
import ca.pupitre.matching.repository.ClientBlockRepository;
import ca.pupitre.matching.repository.InvitationMessageRepository;
import ca.pupitre.matching.repository.InvitationRepository;
import ca.pupitre.matching.repository.PersonalDataRepository;
import ca.pupitre.matching.repository.ReferralRepository;
import ca.pupitre.matching.repository.ReviewRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Québec's Law 25 in matching: a person's export and the erasure when she closes her account. Only the
 * gateway (which checked who she is) or an admin may ask.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);

    private final AlertRepository alerts;
    private final InvitationRepository invitations;
    private final InvitationMessageRepository messages;
    private final ReviewRepository reviews;
    private final ClientBlockRepository blocks;
    private final ReferralRepository referrals;
    private final PersonalDataRepository erasure;
    private final MatchingConfig config;
    private final Clock clock;

    public PersonalData(AlertRepository alerts, InvitationRepository invitations, InvitationMessageRepository messages,
            ReviewRepository reviews, ClientBlockRepository blocks, ReferralRepository referrals,
            PersonalDataRepository erasure, MatchingConfig config, Clock clock) {
        this.alerts = alerts;
        this.invitations = invitations;
        this.messages = messages;
        this.reviews = reviews;
        this.blocks = blocks;
        this.referrals = referrals;
        this.erasure = erasure;
        this.config = config;
        this.clock = clock;
    }

    /** Everything matching holds about the person, in the shapes the API gives her. */
    @Transactional
    public Map<String, Object> export(Caller caller, UUID person, Locale locale) {
        requireAuthority(caller);
        Map<String, Object> data = new LinkedHashMap<>();
        var saved = alerts.list("ownerId = ?1 order by createdAt", person);
        data.put("alerts", saved.stream().map(AlertView::of).toList());
        data.put("alertEmails", saved.stream().filter(a -> a.email != null)
                .map(a -> Map.of("alertId", a.id, "email", a.email)).toList());
        data.put("invitations", invitations.list("clientId = ?1 or secretaryId = ?1 order by createdAt", person).stream()
                .map(i -> InvitationView.of(i, true)).toList());
        data.put("messagesWritten", messages.list("authorId = ?1 order by createdAt", person).stream()
                .map(MessageView::of).toList());
        data.put("reviewsWritten", reviews.list("clientId = ?1 order by createdAt", person).stream()
                .map(r -> ReviewView.of(r, true, false, locale)).toList());
        data.put("reviewsReceived", reviews.list("secretaryId = ?1 order by createdAt", person).stream()
                .map(r -> ReviewView.of(r, locale)).toList());
        data.put("clientsBlocked", blocks.list("key.secretaryId = ?1 order by createdAt", person).stream()
                .map(BlockView::of).toList());
        data.put("referralCodes", referrals.list("clientId = ?1 or secretaryId = ?1 order by createdAt", person).stream()
                .map(r -> Map.of("code", r.code, "clientId", r.clientId, "secretaryId", r.secretaryId, "createdAt", r.createdAt))
                .toList());
        return data;
    }

    /** Erases the person's data (idempotent); returns the rows changed. */
    @Transactional
    public int erase(Caller caller, UUID person) {
        requireAuthority(caller);
        int rows = erasure.erase(person, clock.instant());
        LOG.infof("Personal data of %s erased in matching (%d rows)", person, rows);
        return rows;
    }

    private void requireAuthority(Caller caller) {
        if (!caller.isAdmin() && !caller.isService(config.accountAuthority())) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }
}
