package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.FeedCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FeedCursorRepository implements PanacheRepositoryBase<FeedCursor, String> {
}
