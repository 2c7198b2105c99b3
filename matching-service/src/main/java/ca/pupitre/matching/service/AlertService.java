package ca.pupitre.matching.service;

import ca.pupitre.matching.api.AlertRequest;
import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.repository.AlertRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import ca.pupitre.matching.repository.ReminderRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Saved searches of secretaries (watching requests) and clients (watching offers). */
@ApplicationScoped
public class AlertService {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>,;:\"()\\[\\]]+@[^\\s@<>,;:\"()\\[\\]]+\\.[^\\s@<>,;:\"()\\[\\]]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertRepository alerts;
    private final ListingCopyRepository copies;
    private final ReminderRepository reminders;
    private final Clock clock;
    private final int maxPerAccount;

    public AlertService(AlertRepository alerts, ListingCopyRepository copies, ReminderRepository reminders, Clock clock,
            @ConfigProperty(name = "pupitre.matching.alerts.max-per-account", defaultValue = "20") int maxPerAccount) {
        this.alerts = alerts;
        this.copies = copies;
        this.reminders = reminders;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
    }

    @Transactional
    public List<Alert> of(UUID ownerId) {
        return alerts.ownedBy(ownerId);
    }

    @Transactional
    public Alert create(UUID ownerId, String ownerRole, AlertRequest request) {
        return create(ownerId, ownerRole, request, null, null);
    }

    /**
     * Saves a search. {@code email} and {@code name} are the creator's token claims: the address is kept on every
     * alert of this person (the latest token wins); without a valid address the alert is kept but never mailed.
     * Only listings that reach matching after this moment are mailed (the high-water mark starts at the copy's
     * newest change).
     */
    @Transactional
    public Alert create(UUID ownerId, String ownerRole, AlertRequest request, String email, String recipientName) {
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
        alert.email = validEmail(email);
        alert.recipientName = cleanName(recipientName);
        alert.unsubscribeToken = newToken();
        alert.lastSentSeq = copies.newestSeq();
        alert.lastRunAt = alert.createdAt;
        alerts.persist(alert);
        if (alert.email != null) {
            alerts.update("email = ?1 where ownerId = ?2 and id <> ?3 and unsubscribeToken is not null", alert.email, ownerId, alert.id);
        }
        return alert;
    }

    /**
     * One-click unsubscribe (RFC 8058): deletes the alert the token belongs to, or stops the expiry reminders of the
     * person it belongs to; false when nothing was subscribed (already gone).
     */
    @Transactional
    public boolean unsubscribe(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        if (alerts.delete("unsubscribeToken", token) > 0) {
            return true;
        }
        // or the person's expiry-reminder subscription
        return reminders.unsubscribe(token, clock.instant());
    }

    /** Whether a well-formed token names an alert. */
    @Transactional
    public boolean exists(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        return alerts.count("unsubscribeToken", token) > 0 || reminders.subscribed(token);
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return clean.length() <= 200 ? clean : clean.substring(0, 200);
    }

    static String validEmail(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.strip();
        return trimmed.length() <= 320 && EMAIL.matcher(trimmed).matches() ? trimmed : null;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Transactional
    public void delete(UUID ownerId, UUID alertId) {
        Alert alert = alerts.findOwned(alertId, ownerId).orElseThrow(() -> ProblemException.notFound("ALERT_NOT_FOUND"));
        alerts.delete(alert);
    }
}
