package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.platform.problem.ProblemException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/** The e-mails the gateway sends about an account, in the person's language first, then the other. */
@ApplicationScoped
public class AccountMails {

    private static final Logger LOG = Logger.getLogger(AccountMails.class);
    private static final int SEND_TRIES = 2;

    private final ReactiveMailer mailer;
    private final GatewayConfig config;

    public AccountMails(ReactiveMailer mailer, GatewayConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** The address-verification link; a failure is a 503 for the caller to retry. */
    public void verification(Account account, String token) {
        String link = link("/verifier-courriel", token);
        String hours = Long.toString(config.mail().verifyEmailTtl().toHours());
        send(account, "Confirmez votre adresse courriel pour Pupitre", "Confirm your e-mail address for Pupitre",
                "Bonjour " + account.displayName + ",\n\nPour confirmer que cette adresse est la vôtre, ouvrez ce lien d'ici " + hours
                        + " heures :\n" + link + "\n\nSi vous n'avez pas créé de compte Pupitre, ignorez ce message.",
                "Hello " + account.displayName + ",\n\nTo confirm that this address is yours, open this link within " + hours
                        + " hours:\n" + link + "\n\nIf you did not create a Pupitre account, ignore this message.",
                true);
    }

    /** The password-reset link (1 h). */
    public void passwordReset(Account account, String token, Duration ttl) {
        String link = link("/nouveau-mot-de-passe", token);
        long minutes = ttl.toMinutes();
        send(account, "Choisir un nouveau mot de passe Pupitre", "Choose a new Pupitre password",
                "Bonjour " + account.displayName + ",\n\nPour choisir un nouveau mot de passe, ouvrez ce lien d'ici " + minutes
                        + " minutes :\n" + link + "\n\nToutes vos sessions seront fermées. Si vous n'avez rien demandé, ignorez ce"
                        + " message : votre mot de passe reste le même.",
                "Hello " + account.displayName + ",\n\nTo choose a new password, open this link within " + minutes + " minutes:\n"
                        + link + "\n\nEvery session will be signed out. If you did not ask, ignore this message: your password"
                        + " stays the same.",
                true);
    }

    /** A security notice: the password changed (never fails the change itself). */
    public void passwordChanged(Account account) {
        send(account, "Votre mot de passe Pupitre a été changé", "Your Pupitre password was changed",
                "Bonjour " + account.displayName + ",\n\nLe mot de passe de votre compte Pupitre vient d'être changé, et les autres"
                        + " sessions ont été fermées. Si ce n'est pas vous, demandez tout de suite un nouveau mot de passe à partir"
                        + " de la page de connexion.",
                "Hello " + account.displayName + ",\n\nThe password of your Pupitre account was just changed, and the other"
                        + " sessions were signed out. If this was not you, ask for a new password from the sign-in page right away.",
                false);
    }

    private String link(String path, String token) {
        return config.mail().publicUrl().replaceAll("/+$", "") + path + "?token=" + token;
    }

    private void send(Account account, String subjectFr, String subjectEn, String fr, String en, boolean required) {
        boolean english = account.locale != null && account.locale.startsWith("en");
        String text = english
                ? en + "\n\n— Pupitre\n\n(Version française)\n\n" + fr + "\n\n— Pupitre"
                : fr + "\n\n— Pupitre\n\n(English version)\n\n" + en + "\n\n— Pupitre";
        Mail mail = Mail.withText(account.email, english ? subjectEn : subjectFr, text);
        // Two tries within the send bound: a connection that hangs (a relay that stops answering mid-conversation;
        // seen now and then in the system tests, with the local mailbox on a loaded machine) costs the first try,
        // 70% of the bound, and the second goes out on another connection with the rest. The first keeps most of
        // the bound because giving up on it does not stop it: a relay merely slow could still deliver it, and the
        // second try would then be a second e-mail. The whole never exceeds the bound.
        Duration bound = config.mail().sendTimeout();
        Duration firstTry = bound.multipliedBy(7).dividedBy(10);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= SEND_TRIES; attempt++) {
            try {
                mailer.send(mail).await().atMost(attempt == 1 ? firstTry : bound.minus(firstTry));
                if (attempt > 1) {
                    LOG.infof("E-mail \"%s\" to account %s sent on try %d", subjectEn, account.id, attempt);
                }
                return;
            } catch (RuntimeException failed) {
                last = failed;
                LOG.infof("E-mail \"%s\" to account %s, try %d of %d failed: %s", subjectEn, account.id, attempt, SEND_TRIES,
                        failed.toString());
            }
        }
        LOG.warnf("E-mail \"%s\" to account %s could not be sent: %s", subjectEn, account.id, String.valueOf(last));
        if (required) {
            throw new ProblemException(503, "MAIL_UNAVAILABLE").withHeader("Retry-After", "60");
        }
    }
}
