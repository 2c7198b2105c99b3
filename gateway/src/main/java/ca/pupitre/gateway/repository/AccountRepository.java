package ca.pupitre.gateway.repository;

import ca.pupitre.gateway.domain.Account;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }
}
