package ca.pupitre.matching.service;

import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.repository.AlertRepository;
import ca.pupitre.matching.rest.dto.AlertRequest;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Saved searches of secretaries (watching requests) and clients (watching offers). */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final Clock clock;
    private final int maxPerAccount;

    public AlertService(AlertRepository alerts, Clock clock,
            @ConfigProperty(name = "pupitre.matching.alerts.max-per-account", defaultValue = "20") int maxPerAccount) {
        this.alerts = alerts;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
    }

    @Transactional
    public List<Alert> of(UUID ownerId) {
        return alerts.ownedBy(ownerId);
    }

    @Transactional
    public Alert create(UUID ownerId, String ownerRole, AlertRequest request) {
        if (alerts.countOwnedBy(ownerId) >= maxPerAccount) {
            throw ProblemException.conflict("TOO_MANY_ALERTS", maxPerAccount);
        }
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.ownerId = ownerId;
        alert.ownerRole = ownerRole;
        alert.name = request.name().strip();
        alert.queryText = request.q() == null || request.q().isBlank() ? null : request.q().strip();
        alert.skills = request.skills() == null ? new String[0] : request.skills().stream().distinct().toArray(String[]::new);
        alert.languages = request.languages() == null ? new String[0] : request.languages().stream().distinct().toArray(String[]::new);
        alert.region = request.region();
        alert.remoteOnly = Boolean.TRUE.equals(request.remoteOnly());
        alert.frequency = request.frequency();
        alert.language = request.language() == null ? "fr" : request.language();
        alert.createdAt = clock.instant();
        alerts.persist(alert);
        return alert;
    }

    @Transactional
    public void delete(UUID ownerId, UUID alertId) {
        Alert alert = alerts.findOwned(alertId, ownerId).orElseThrow(() -> ProblemException.notFound("ALERT_NOT_FOUND"));
        alerts.delete(alert);
    }
}
