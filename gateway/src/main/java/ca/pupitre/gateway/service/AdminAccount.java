package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.platform.problem.ProblemException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * At start, ensures the ADMIN account from PUPITRE_ADMIN_EMAIL / PUPITRE_ADMIN_PASSWORD exists.
 *
 * <p>Checking the configured password against the stored one is a bcrypt verification: about a second on a JVM
 * that has just started, which used to be a fifth of the gateway's start-up. It now runs beside the rest of the
 * start; the gateway is not <em>ready</em> ({@link Check}) until it is done, and a sign-in that arrives
 * sooner waits for it. A configuration that cannot be honoured (the address belongs to a non-admin account)
 * still stops the gateway, as before, with the reason in the log.
 */
@ApplicationScoped
public class AdminAccount {

    private static final Logger LOG = Logger.getLogger(AdminAccount.class);
    private static final long SIGN_IN_WAIT_SECONDS = 30;

    private final CompletableFuture<Void> ensured = new CompletableFuture<>();

    void onStart(@Observes StartupEvent start, GatewayConfig config, AccountService accounts) {
        var email = config.admin().email().filter(e -> !e.isBlank());
        var password = config.admin().password().filter(p -> !p.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("No PUPITRE_ADMIN_EMAIL/PUPITRE_ADMIN_PASSWORD: no admin account ensured");
            ensured.complete(null);
            return;
        }
        if (password.get().length() < 10) {
            throw new IllegalStateException("PUPITRE_ADMIN_PASSWORD must have at least 10 characters");
        }
        Thread worker = new Thread(() -> {
            try {
                accounts.ensureAdmin(email.get(), password.get());
                LOG.infof("Admin account %s ensured", email.get());
                ensured.complete(null);
            } catch (RuntimeException refused) {
                LOG.errorf("The gateway stops: %s", refused.getMessage());
                ensured.completeExceptionally(refused);
                Quarkus.asyncExit(1);
            }
        }, "admin-account");
        worker.setDaemon(true);
        worker.start();
    }

    /** Waits until the admin account is in place (at once, except in the first second after start). */
    public void awaitEnsured() {
        try {
            ensured.get(SIGN_IN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "STARTING").withHeader("Retry-After", "5");
        } catch (ExecutionException | TimeoutException notYet) {
            throw new ProblemException(503, "STARTING").withHeader("Retry-After", "5");
        }
    }

    /** Whether the admin account is in place (or none is configured). */
    public boolean ensured() {
        return ensured.isDone() && !ensured.isCompletedExceptionally();
    }

    /** The gateway is ready once the configured admin account is in place. */
    @Readiness
    @ApplicationScoped
    public static class Check implements HealthCheck {

        private final AdminAccount admin;

        public Check(AdminAccount admin) {
            this.admin = admin;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("admin-account").status(admin.ensured()).build();
        }
    }
}
