package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.tax.TaxEngine;
import ca.pupitre.billing.domain.tax.TaxException;
import ca.pupitre.billing.domain.tax.TaxQuote;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Tax quotes with the same engine that invoices use; input errors become 400 problems. */
@ApplicationScoped
public class TaxService {

    /** Where the supply happens, for "today" when no date is given. */
    public static final ZoneId QUEBEC = ZoneId.of("America/Toronto");
    private final TaxEngine engine = TaxEngine.withDefaultRates();
    private final Clock clock;

    public TaxService(Clock clock) {
        this.clock = clock;
    }

    public TaxQuote quote(BigDecimal subtotal, String clientProvince, boolean supplierRegistered, LocalDate date) {
        try {
            return engine.quote(subtotal, clientProvince, supplierRegistered, date != null ? date : LocalDate.now(clock.withZone(QUEBEC)));
        } catch (TaxException e) {
            throw ProblemException.badRequest(e.code(), e.args());
        }
    }
}
