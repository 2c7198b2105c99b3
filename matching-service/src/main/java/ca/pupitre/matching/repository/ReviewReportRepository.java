package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.ReviewReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReviewReportRepository implements PanacheRepositoryBase<ReviewReport, ReviewReport.Key> {
}
