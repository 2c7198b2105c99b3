package ca.pupitre.billing.repository;

import ca.pupitre.billing.domain.BillingProfile;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class BillingProfileRepository implements PanacheRepositoryBase<BillingProfile, UUID> {
}
