package ca.pupitre.gateway.service;

import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.service.PersonalDataServices.Answer;
import ca.pupitre.gateway.service.PersonalDataServices.Holder;
import ca.pupitre.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Québec's Law 25: a person's data from every service, in one JSON document (a structured, commonly used
 * format): her account and sessions from the gateway, then what listings, matching and billing hold. It is
 * complete or not given: if a service cannot answer, the person gets a 503 and tries again.
 */
@ApplicationScoped
public class PersonalDataExport {

    /** Names the document's shape, so that a later version can change it knowingly. */
    public static final String FORMAT = "pupitre-personal-data/1";
    private static final Logger LOG = Logger.getLogger(PersonalDataExport.class);

    private final AccountService accounts;
    private final SessionService sessions;
    private final PersonalDataServices services;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonalDataExport(AccountService accounts, SessionService sessions, PersonalDataServices services, ObjectMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.services = services;
        this.json = json;
        this.clock = clock;
    }

    public ObjectNode export(UUID accountId, String acceptLanguage) {
        Account account = accounts.get(accountId);
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("exportedAt", clock.instant().toString());
        ObjectNode person = root.putObject("account");
        person.put("id", account.id.toString());
        person.put("email", account.email);
        person.put("emailVerifiedAt", account.emailVerifiedAt == null ? null : account.emailVerifiedAt.toString());
        person.put("displayName", account.displayName);
        person.put("role", account.role.name());
        person.put("locale", account.locale);
        person.put("createdAt", account.createdAt.toString());
        person.set("sessions", json.valueToTree(sessions.sessionsOf(accountId)));
        for (Holder holder : Holder.values()) {
            Answer answer = services.export(holder, accountId, acceptLanguage);
            if (!answer.ok() || answer.body() == null) {
                LOG.warnf("%s did not give the export of %s (HTTP %d)", holder, accountId, answer.status());
                throw new ProblemException(503, "SERVICE_UNAVAILABLE", holder.name().toLowerCase()).withHeader("Retry-After", "5");
            }
            root.set(holder.name().toLowerCase(), answer.body());
        }
        return root;
    }
}
