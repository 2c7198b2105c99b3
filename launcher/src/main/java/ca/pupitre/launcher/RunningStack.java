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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    /** The instances after the first, per application (instance 2 first). */
    private final Map<ServiceModule, List<Process>> replicas;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    RunningStack(StackConfig config, StackPorts ports, Map<ServiceModule, Process> processes,
            Map<ServiceModule, List<Process>> replicas) {
        this.config = config;
        this.ports = ports;
        this.processes = processes;
        this.replicas = replicas;
    }

    /** One running instance of an application: {@code number} 1 is the first, on the configured ports. */
    private record Instance(ServiceModule service, int number, Process process, int port, URI management, Path log) {

        String name() {
            return number == 1 ? service.module() : service.module() + " #" + number;
        }
    }

    private List<Instance> instances() {
        List<Instance> all = new ArrayList<>();
        processes.forEach((s, p) -> all.add(new Instance(s, 1, p, ports.http(s), managementUrl(s), logFile(s))));
        replicas.forEach((s, list) -> {
            for (int i = 0; i < list.size(); i++) {
                StackPorts.Instance at = ports.replicasOf(s).get(i);
                all.add(new Instance(s, i + 2, list.get(i), at.http(),
                        URI.create("http://localhost:" + at.management()), logFile(s, i + 2)));
            }
        });
        return all;
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

    /** The log of instance {@code number} (1 = the first: {@link #logFile(ServiceModule)}; n: {@code <module>-n.log}). */
    public Path logFile(ServiceModule service, int number) {
        return number == 1 ? logFile(service) : config.logsDir().resolve(service.module() + "-" + number + ".log");
    }

    /** The address of every instance of {@code service}, the first one first. */
    public List<URI> urls(ServiceModule service) {
        return ports.urls(service).stream().map(URI::create).toList();
    }

    /** Kills instance {@code number} of {@code service} at once (SIGKILL), as a crash would; true if it was running. */
    public boolean kill(ServiceModule service, int number) {
        Process p = number == 1 ? processes.get(service) : replicas.getOrDefault(service, List.of()).get(number - 2);
        boolean alive = p.isAlive();
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return alive;
    }

    /**
     * Starts instance {@code number} of {@code service} again on its ports (after {@link #kill}, as an orchestrator
     * would restart a crashed one) and waits until it is ready.
     */
    public void restart(ServiceModule service, int number) {
        StackPorts.Instance replica = number == 1 ? null : ports.replicasOf(service).get(number - 2);
        Process started = Stack.startProcess(config, service, ports, replica, logFile(service, number), true);
        if (number == 1) {
            processes.put(service, started);
        } else {
            replicas.get(service).set(number - 2, started);
        }
        URI management = replica == null ? managementUrl(service) : URI.create("http://localhost:" + replica.management());
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        while (!isReady(management)) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(service.module() + " #" + number + " did not come back. Last lines of "
                        + logFile(service, number) + ":\n" + tail(logFile(service, number), 30));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while restarting " + service.module(), e);
            }
        }
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
        List<Instance> pending = new ArrayList<>(instances());
        while (!pending.isEmpty()) {
            if (closed.get()) {
                throw new IllegalStateException("Stack stopped while starting");
            }
            for (Instance instance : List.copyOf(pending)) {
                Process p = instance.process();
                if (!p.isAlive()) {
                    throw new IllegalStateException(instance.name() + " exited with status " + p.exitValue()
                            + " before being ready. Last lines of " + instance.log() + ":\n" + tail(instance.log(), 40));
                }
                if (isReady(instance.management())) {
                    pending.remove(instance);
                    progress.accept(String.format("  ready: %-20s http://localhost:%d  (%.1f s)", instance.name(),
                            instance.port(), (System.nanoTime() - start) / 1e9));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder msg = new StringBuilder("Not ready after " + config.readyTimeout().toSeconds() + " s:");
                for (Instance instance : pending) {
                    msg.append("\n--- ").append(instance.name()).append(" (").append(instance.log()).append(") ---\n")
                            .append(tail(instance.log(), 20));
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
        List<Instance> all = instances();
        for (Instance instance : all) {
            if (instance.process().isAlive()) {
                instance.process().destroy();
            }
        }
        long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
        for (Instance instance : all) {
            Process p = instance.process();
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    System.err.println(instance.name() + " did not stop within " + GRACEFUL_STOP.toSeconds()
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

    private boolean isReady(URI management) {
        HttpRequest request = HttpRequest.newBuilder(management.resolve("/q/health/ready"))
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
