package ca.pupitre.listings.error;

import ca.pupitre.listings.domain.IllegalTransitionException;
import ca.pupitre.listings.service.ListingService;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problem+json for this service's own exceptions: a refused state transition is 409, a concurrent
 * update that lost the optimistic lock is 412, a unique constraint lost to a concurrent request is 409.
 */
public class ListingsProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, HttpServerRequest request) {
        return problems.problem(ListingService.illegal(e), request);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, HttpServerRequest request) {
        return problems.problem(new ProblemException(412, "PRECONDITION_FAILED"), request);
    }

    @ServerExceptionMapper
    public Response duplicate(ConstraintViolationException e, HttpServerRequest request) {
        return problems.problem(ProblemException.conflict("CONFLICT"), request);
    }
}
