package ca.pupitre.matching.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Law 25 erasure of one person in matching's tables, as plain statements (each idempotent). What it keeps
 * and why is listed in the matching README: invitations and reviews stay as records of the other party
 * (without the person's own words, except a review's text, which is the secretary's reputation), tied to an
 * id that no longer leads to a name once the gateway has erased the account.
 */
@ApplicationScoped
public class PersonalDataRepository {

    private final EntityManager em;

    public PersonalDataRepository(EntityManager em) {
        this.em = em;
    }

    /** Erases the person's data; returns the rows changed, for the log. */
    public int erase(UUID person, Instant now) {
        int rows = 0;
        // saved searches, what they mailed, and the per-address counters of those addresses
        rows += run("delete from alert_mail_sent where lower(recipient) in"
                + " (select lower(email) from alert where owner_id = ?1 and email is not null)", person);
        rows += run("delete from alert where owner_id = ?1", person);
        // pending invitations end; her own words leave
        rows += run("update invitation set state = 'WITHDRAWN', answered_at = ?2 where client_id = ?1 and state = 'PENDING'",
                person, now);
        rows += run("update invitation set state = 'DECLINED', answered_at = ?2 where secretary_id = ?1 and state = 'PENDING'",
                person, now);
        rows += run("update invitation set message = null where client_id = ?1 and message is not null", person);
        rows += run("update invitation set decline_reason = null where secretary_id = ?1 and decline_reason is not null", person);
        rows += run("update invitation_message set body = '' where author_id = ?1 and body <> ''", person);
        // reviews about a secretary who left go with her; reports she or he filed go
        rows += run("delete from review_report where reporter_id = ?1"
                + " or review_id in (select id from review where secretary_id = ?1)", person);
        rows += run("delete from review where secretary_id = ?1", person);
        rows += run("delete from client_block where secretary_id = ?1 or client_id = ?1", person);
        rows += run("delete from newcomer_exposure where secretary_id = ?1", person);
        rows += run("delete from reminder_subscription where owner_id = ?1", person);
        rows += run("delete from listing_reminder where listing_id in (select id from listing_copy where owner_id = ?1)", person);
        rows += run("update listing_copy set title_fr = null, title_en = null where owner_id = ?1"
                + " and (title_fr is not null or title_en is not null)", person);
        return rows;
    }

    private int run(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
