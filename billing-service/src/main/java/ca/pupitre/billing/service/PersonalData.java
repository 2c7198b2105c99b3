package ca.pupitre.billing.service;

import ca.pupitre.billing.api.EngagementView;
import ca.pupitre.billing.api.PaymentView;
import ca.pupitre.billing.api.ProfileView;
import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.billing.domain.EngagementState;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.repository.BillingProfileRepository;
import ca.pupitre.billing.repository.EngagementRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.billing.repository.PaymentRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Québec's Law 25 in billing: a person's export, and what closing her account does here. Issued invoices,
 * credit notes, payments and the engagements and time entries they bill are kept six years with the names
 * printed on them (tax law); her billing profile (address, tax numbers, payment instructions, e-mail) is
 * erased. An account with an active engagement or an unsettled invoice cannot be closed yet (409): the other
 * party is owed work or money.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);
    private static final List<InvoiceState> UNSETTLED = List.of(InvoiceState.ISSUED, InvoiceState.PARTIALLY_PAID);

    private final BillingProfileRepository profiles;
    private final EngagementRepository engagements;
    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final InvoiceViews invoiceViews;
    private final TimesheetService timesheets;
    private final BillingConfig config;

    public PersonalData(BillingProfileRepository profiles, EngagementRepository engagements, InvoiceRepository invoices,
            PaymentRepository payments, InvoiceViews invoiceViews, TimesheetService timesheets, BillingConfig config) {
        this.profiles = profiles;
        this.engagements = engagements;
        this.invoices = invoices;
        this.payments = payments;
        this.invoiceViews = invoiceViews;
        this.timesheets = timesheets;
        this.config = config;
    }

    @Transactional
    public Map<String, Object> export(Caller caller, UUID person) {
        requireAuthority(caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("billingProfile", profiles.findByIdOptional(person).map(ProfileView::of).orElse(null));
        var theirs = engagements.list("clientId = ?1 or secretaryId = ?1 order by createdAt", person);
        data.put("engagements", theirs.stream().map(EngagementView::of).toList());
        data.put("timeEntries", theirs.stream().flatMap(e -> timesheets.entriesOf(e.id).stream()).toList());
        var documents = invoices.list("issuerId = ?1 or clientId = ?1 order by createdAt", person);
        data.put("invoices", documents.stream().map(invoiceViews::view).toList());
        data.put("payments", documents.stream().flatMap(i -> payments.list("invoiceId = ?1 order by createdAt", i.id).stream()
                .map(p -> PaymentView.of(p, i.state().name(), i.balance()))).toList());
        return data;
    }

    /** Erases what billing may erase (idempotent); 409 while business is open. Returns the rows erased. */
    @Transactional
    public int erase(Caller caller, UUID person) {
        requireAuthority(caller);
        long active = engagements.count("(clientId = ?1 or secretaryId = ?1) and state = ?2", person, EngagementState.ACTIVE);
        long unsettled = invoices.count("(issuerId = ?1 or clientId = ?1) and state in ?2", person, UNSETTLED);
        if (active > 0 || unsettled > 0) {
            throw ProblemException.conflict("ACCOUNT_HAS_OPEN_BUSINESS", active, unsettled);
        }
        int erased = (int) profiles.delete("userId = ?1", person);
        LOG.infof("Personal data of %s erased in billing (%d billing profile)", person, erased);
        return erased;
    }

    private void requireAuthority(Caller caller) {
        if (!caller.isAdmin() && !caller.isService(config.accountAuthority())) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }
}
