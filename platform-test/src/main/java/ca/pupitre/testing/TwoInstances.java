package ca.pupitre.testing;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two replicas running the same scheduled job at the same moment, as far as the database can tell: two threads,
 * each with its own transactions, released together. A job that is safe with two replicas does its work once.
 */
public final class TwoInstances {

    private TwoInstances() {
    }

    /** Runs {@code job} on two threads started at once; returns both results (within 60 s). */
    public static <T> List<T> runTogether(Callable<T> job) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            Future<T> first = threads.submit(() -> {
                start.await();
                return job.call();
            });
            Future<T> second = threads.submit(() -> {
                start.await();
                return job.call();
            });
            return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }
}
