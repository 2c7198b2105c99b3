package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.BillingProfile;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.repository.BillingProfileRepository;
import ca.pupitre.billing.repository.InvoiceReminderRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Bilingual (French first) e-mails to clients whose invoice is still open one day and fifteen days
 * after its due date. Each (invoice, stage) is recorded in the transaction that sends it, so a
 * reminder goes out once; a job that missed days sends only the latest stage due.
 */
@ApplicationScoped
public class OverdueReminders {

    private static final Logger LOG = Logger.getLogger(OverdueReminders.class);

    private final InvoiceRepository invoices;
    private final BillingProfileRepository profiles;
    private final InvoiceReminderRepository reminders;
    private final Mailer mailer;
    private final Clock clock;

    public OverdueReminders(InvoiceRepository invoices, BillingProfileRepository profiles, InvoiceReminderRepository reminders,
            Mailer mailer, Clock clock) {
        this.invoices = invoices;
        this.profiles = profiles;
        this.reminders = reminders;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(cron = "${pupitre.billing.reminders.cron:0 0 9 * * ?}", timeZone = "America/Toronto",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        sendDue(LocalDate.now(clock.withZone(TaxService.QUEBEC)));
    }

    /** Sends the reminders due on {@code today}; returns how many e-mails went out. */
    public int sendDue(LocalDate today) {
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> invoices.overdueIds(today));
        int sent = 0;
        for (UUID id : candidates) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> remind(id, today))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Reminder for invoice %s failed; retried on the next run", id);
            }
        }
        return sent;
    }

    private boolean remind(UUID id, LocalDate today) {
        Invoice invoice = invoices.findById(id);
        long daysLate = ChronoUnit.DAYS.between(invoice.dueDate, today);
        int stage = daysLate >= 15 ? 15 : 1;
        BillingProfile client = profiles.findById(invoice.clientId);
        // only an address the gateway verified (ProfileService.put), never one merely typed
        String to = client == null ? null : client.reminderEmail;
        boolean first = reminders.record(id, stage, clock.instant(), to);
        if (!first || to == null) {
            return false;
        }
        BillingProfile supplier = profiles.findById(invoice.issuerId);
        String instructions = supplier == null || supplier.paymentInstructions == null ? "" : supplier.paymentInstructions;
        String balance = InvoicePdf.money(invoice.balance().toPlainString(), false);
        String balanceEn = InvoicePdf.money(invoice.balance().toPlainString(), true);
        String subject = "Rappel : facture " + invoice.number + " en souffrance / Reminder: invoice " + invoice.number + " overdue";
        String body = "Bonjour,\n\n"
                + "La facture " + invoice.number + " de " + invoice.supplierName + ", échue le " + invoice.dueDate
                + ", présente un solde de " + balance + " (" + daysLate + " jour(s) de retard).\n"
                + (instructions.isEmpty() ? "" : "Modalités de paiement : " + instructions + "\n")
                + "Si vous avez déjà payé, veuillez ignorer ce message.\n\n"
                + "— English follows —\n\n"
                + "Hello,\n\n"
                + "Invoice " + invoice.number + " from " + invoice.supplierName + ", due on " + invoice.dueDate
                + ", has a balance of " + balanceEn + " (" + daysLate + " day(s) late).\n"
                + (instructions.isEmpty() ? "" : "Payment instructions: " + instructions + "\n")
                + "If you have already paid, please disregard this message.\n\n"
                + "Pupitre";
        mailer.send(Mail.withText(to, subject, body));
        return true;
    }
}
