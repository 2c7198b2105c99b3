package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** At start, ensures the ADMIN account from PUPITRE_ADMIN_EMAIL / PUPITRE_ADMIN_PASSWORD exists. */
@ApplicationScoped
public class AdminAccount {

    private static final Logger LOG = Logger.getLogger(AdminAccount.class);

    void onStart(@Observes StartupEvent start, GatewayConfig config, AccountService accounts) {
        var email = config.admin().email().filter(e -> !e.isBlank());
        var password = config.admin().password().filter(p -> !p.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("No PUPITRE_ADMIN_EMAIL/PUPITRE_ADMIN_PASSWORD: no admin account ensured");
            return;
        }
        if (password.get().length() < 10) {
            throw new IllegalStateException("PUPITRE_ADMIN_PASSWORD must have at least 10 characters");
        }
        accounts.ensureAdmin(email.get(), password.get());
        LOG.infof("Admin account %s ensured", email.get());
    }
}
