package ca.pupitre.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The applications started by {@link Stack}; {@link #close()} stops them, then the owned database. */
public final class RunningStack implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final StackConfig config;
    private final StackPorts ports;
    private final Map<ServiceModule, Process> processes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    RunningStack(StackConfig config, StackPorts ports, Map<ServiceModule, Process> processes) {
        this.config = config;
        this.ports = ports;
        this.processes = processes;
    }

    public StackConfig config() {
        return config;
    }

    /** Actual port (free ports resolved). */
    public int port(ServiceModule service) {
        return ports.http(service);
    }

    /** Actual management port: health, metrics and the application's own OpenAPI document. */
    public int managementPort(ServiceModule service) {
        return ports.management(service);
    }

    /** Every HTTP port. */
    public Map<ServiceModule, Integer> ports() {
        return ports.http();
    }

    public StackPorts allPorts() {
        return ports;
    }

    /** {@code http://localhost:<management port>}. */
    public URI managementUrl(ServiceModule service) {
        return URI.create(ports.managementUrl(service));
    }

    /** {@code http://localhost:<port>}. */
    public URI url(ServiceModule service) {
        return URI.create(ports.url(service));
    }

    public URI gatewayUrl() {
        return url(ServiceModule.GATEWAY);
    }

    /** {@code <stateDir>/logs/<module>.log}: the child's stdout and stderr. */
    public Path logFile(ServiceModule service) {
        return config.logsDir().resolve(service.module() + ".log");
    }

    public boolean isAlive(ServiceModule service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    public long pid(ServiceModule service) {
        return processes.get(service).pid();
    }

    /** Waits for readiness, printing one line per ready service to standard output. */
    public void awaitReady() {
        awaitReady(System.out::println);
    }

    /**
     * Waits until every service answers 200 on {@code GET /q/health/ready} (its management port), within the configured
     * timeout. Fails fast, with the tail of its log, if a service exits.
     */
    public void awaitReady(Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + config.readyTimeout().toNanos();
        Set<ServiceModule> pending = EnumSet.copyOf(processes.keySet());
        while (!pending.isEmpty()) {
            if (closed.get()) {
                throw new IllegalStateException("Stack stopped while starting");
            }
            for (ServiceModule s : Set.copyOf(pending)) {
                Process p = processes.get(s);
                if (!p.isAlive()) {
                    throw new IllegalStateException(s.module() + " exited with status " + p.exitValue()
                            + " before being ready. Last lines of " + logFile(s) + ":\n" + tail(logFile(s), 40));
                }
                if (isReady(s)) {
                    pending.remove(s);
                    progress.accept(String.format("  ready: %-17s http://localhost:%d  (%.1f s)", s.module(),
                            port(s), (System.nanoTime() - start) / 1e9));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder msg = new StringBuilder("Not ready after " + config.readyTimeout().toSeconds() + " s:");
                for (ServiceModule s : pending) {
                    msg.append("\n--- ").append(s.module()).append(" (").append(logFile(s)).append(") ---\n")
                            .append(tail(logFile(s), 20));
                }
                throw new IllegalStateException(msg.toString());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the services", e);
            }
        }
    }

    /**
     * Stops the services (SIGTERM, up to 15 s, then SIGKILL), then the owned database. Idempotent
     * and safe to call from a shutdown hook.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            stopProcesses();
        } finally {
            AutoCloseable db = config.ownedDatabase();
            if (db != null) {
                try {
                    db.close();
                } catch (Exception e) {
                    System.err.println("Could not stop the database: " + e);
                }
            }
        }
    }

    void stopProcesses() {
        for (Process p : processes.values()) {
            if (p.isAlive()) {
                p.destroy();
            }
        }
        long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
        for (Map.Entry<ServiceModule, Process> e : processes.entrySet()) {
            Process p = e.getValue();
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    System.err.println(e.getKey().module() + " did not stop within " + GRACEFUL_STOP.toSeconds()
                            + " s: killing it");
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private boolean isReady(ServiceModule s) {
        HttpRequest request = HttpRequest.newBuilder(managementUrl(s).resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Last {@code lines} lines of a (possibly large) text file. */
    static String tail(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] buf = new byte[size];
            f.seek(length - size);
            f.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", Arrays.copyOfRange(all, from, all.length));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
