package ca.pupitre.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The business signals an operator watches (listings published, invitations sent and answered, invoices issued),
 * as Prometheus counters ({@code pupitre_<name>_total}). A signal raised inside a transaction counts only once
 * that transaction commits: a rolled-back publication was never published.
 */
@ApplicationScoped
public class BusinessEvents {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public BusinessEvents(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** Counts one {@code name} event with {@code tags} (key, value, …) when the current transaction commits. */
    public void happened(String name, String description, String... tags) {
        Counter counter = Counter.builder(name).description(description).tags(tags).register(registry);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: only a commit counts
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
