package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ListingEventRepository implements PanacheRepositoryBase<ListingEvent, Long> {

    public List<ListingEvent> history(UUID listingId) {
        return list("listingId = ?1 order by id", listingId);
    }
}
