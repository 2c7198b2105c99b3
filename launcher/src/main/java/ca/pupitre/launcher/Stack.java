package ca.pupitre.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged Quarkus applications ({@code java -jar <module>/target/quarkus-app/quarkus-run.jar})
 * as child processes, with the environment they read.
 */
public final class Stack {

    /** How much larger a local stack's rate-limit budgets are than production's (see the gateway's README). */
    static final String LOCAL_RATE_LIMIT_SCALE = "50";

    private Stack() {
    }

    /**
     * Starts every service and waits until each answers 200 on {@code /q/health/ready}. On failure
     * everything started (and the owned database) is stopped before the exception propagates.
     */
    public static RunningStack start(StackConfig config) {
        RunningStack stack = launch(config);
        try {
            stack.awaitReady();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts the processes (all at once) without waiting for readiness; call
     * {@link RunningStack#awaitReady()} next. On failure the processes already started are stopped
     * (the owned database is left to the caller).
     */
    public static RunningStack launch(StackConfig config) {
        for (ServiceModule s : ServiceModule.values()) {
            Path jar = s.runnableJar(config.repoRoot());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Missing " + jar + ": build first with ./mvnw -B -DskipTests package");
            }
        }
        StackPorts ports = resolvePorts(config);
        try {
            Files.createDirectories(config.logsDir());
            Files.createDirectories(config.keysDir());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(config.keysDir(), PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<ServiceModule, Process> processes = new EnumMap<>(ServiceModule.class);
        Map<ServiceModule, List<Process>> replicas = new EnumMap<>(ServiceModule.class);
        RunningStack stack = new RunningStack(config, ports, processes, replicas);
        try {
            for (ServiceModule s : List.of(ServiceModule.LISTINGS, ServiceModule.MATCHING, ServiceModule.BILLING,
                    ServiceModule.GATEWAY, ServiceModule.WEB)) {
                processes.put(s, startProcess(config, s, ports, null, stack.logFile(s), false));
                List<StackPorts.Instance> more = ports.replicasOf(s);
                for (int i = 0; i < more.size(); i++) {
                    replicas.computeIfAbsent(s, k -> new ArrayList<>())
                            .add(startProcess(config, s, ports, more.get(i), stack.logFile(s, i + 2), false));
                }
            }
        } catch (RuntimeException e) {
            stack.stopProcesses();
            throw e;
        }
        return stack;
    }

    /**
     * The environment variables given to {@code service} (on top of the inherited environment,
     * from which {@code PUPITRE_*} variables are removed). This is the contract with the services.
     */
    public static Map<String, String> environment(StackConfig c, ServiceModule service, StackPorts ports) {
        String gatewayUrl = ports.url(ServiceModule.GATEWAY);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.http(service)));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.management(service)));
        if (service == ServiceModule.WEB) {
            // Pages on the public API, through the gateway like any browser or app; the session cookie key is
            // generated once into the state folder's keys. Cookies are Secure: browsers accept that on localhost.
            env.put("PUPITRE_GATEWAY_URL", gatewayUrl);
            env.put("PUPITRE_PUBLIC_URL", gatewayUrl);
            env.put("PUPITRE_KEYS_DIR", c.keysDir().toString());
            env.putAll(c.extraEnv());
            return env;
        }
        env.put("QUARKUS_DATASOURCE_JDBC_URL", c.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", service.role());
        env.put("QUARKUS_DATASOURCE_PASSWORD", c.rolePasswords().get(service.role()));
        env.put("PUPITRE_GATEWAY_URL", gatewayUrl);
        env.put("PUPITRE_JWKS_URL", gatewayUrl + "/.well-known/jwks.json");
        env.put("PUPITRE_LISTINGS_URL", ports.url(ServiceModule.LISTINGS));
        env.put("PUPITRE_MATCHING_URL", ports.url(ServiceModule.MATCHING));
        env.put("PUPITRE_BILLING_URL", ports.url(ServiceModule.BILLING));
        // where people reach Pupitre: links in e-mails and feeds open the web app through this gateway
        env.put("PUPITRE_PUBLIC_URL", gatewayUrl);
        if (service == ServiceModule.GATEWAY) {
            // every instance of each service and of the web app: the gateway balances between them
            env.put("PUPITRE_LISTINGS_URL", String.join(",", ports.urls(ServiceModule.LISTINGS)));
            env.put("PUPITRE_MATCHING_URL", String.join(",", ports.urls(ServiceModule.MATCHING)));
            env.put("PUPITRE_BILLING_URL", String.join(",", ports.urls(ServiceModule.BILLING)));
            env.put("PUPITRE_WEB_URL", String.join(",", ports.urls(ServiceModule.WEB)));
            // where the gateway reads each service's own OpenAPI document (their management interfaces)
            env.put("PUPITRE_LISTINGS_MANAGEMENT_URL", String.join(",", ports.managementUrls(ServiceModule.LISTINGS)));
            env.put("PUPITRE_MATCHING_MANAGEMENT_URL", String.join(",", ports.managementUrls(ServiceModule.MATCHING)));
            env.put("PUPITRE_BILLING_MANAGEMENT_URL", String.join(",", ports.managementUrls(ServiceModule.BILLING)));
            env.put("PUPITRE_WEB_MANAGEMENT_URL", String.join(",", ports.managementUrls(ServiceModule.WEB)));
            env.put("PUPITRE_KEYS_DIR", c.keysDir().toString());
            env.put("PUPITRE_ADMIN_EMAIL", c.adminEmail());
            env.put("PUPITRE_ADMIN_PASSWORD", c.adminPassword());
            env.put("PUPITRE_SERVICE_SECRET_LISTINGS", c.serviceSecrets().get("listings"));
            env.put("PUPITRE_SERVICE_SECRET_MATCHING", c.serviceSecrets().get("matching"));
            env.put("PUPITRE_SERVICE_SECRET_BILLING", c.serviceSecrets().get("billing"));
            env.put("PUPITRE_CORS_ORIGINS", c.corsOrigins());
            // Everything of a local stack calls from 127.0.0.1 (the web app for every visitor, the demo loader, the
            // tests): the per-address budgets are multiplied, so one developer's clicking is never refused
            env.put("PUPITRE_RATE_LIMIT_SCALE", LOCAL_RATE_LIMIT_SCALE);
        } else {
            env.put("PUPITRE_SERVICE_SECRET", c.serviceSecrets().get(service.role()));
        }
        if (service == ServiceModule.BILLING && System.getenv("PUPITRE_GST_NUMBER") == null) {
            // "À la une" is invoiced by Pupitre itself, which needs its own tax numbers; a local stack uses
            // placeholders so the feature can be tried (a real deployment sets PUPITRE_GST_NUMBER / _QST_NUMBER)
            env.put("PUPITRE_GST_NUMBER", "000000000 RT0001");
            env.put("PUPITRE_QST_NUMBER", "0000000000 TQ0001");
        }
        if (service != ServiceModule.LISTINGS) {
            // On a developer's machine no e-mail leaves it: every service sends to the gateway's dev mailbox
            // (read at /api/v1/dev/mailbox), or, without one, only logs its e-mails.
            if (c.devMailboxPort() > 0) {
                env.put("PUPITRE_SMTP_HOST", "127.0.0.1");
                env.put("PUPITRE_SMTP_PORT", Integer.toString(c.devMailboxPort()));
                env.put("PUPITRE_SMTP_START_TLS", "DISABLED");
                if (service == ServiceModule.GATEWAY) {
                    env.put("PUPITRE_DEV_MAILBOX", "true");
                    env.put("PUPITRE_DEV_SMTP_PORT", Integer.toString(c.devMailboxPort()));
                }
            } else {
                env.put("PUPITRE_MAIL_MOCK", "true");
            }
        }
        env.putAll(c.extraEnv());
        return env;
    }

    /**
     * Starts one instance of {@code s}: its first ({@code replica} null) or another one on the replica's ports;
     * {@code restarted}: its log is kept and appended to, not started afresh.
     */
    static Process startProcess(StackConfig c, ServiceModule s, StackPorts ports, StackPorts.Instance replica, Path log,
            boolean restarted) {
        List<String> command = new ArrayList<>();
        command.add(c.javaCommand());
        command.addAll(StackConfig.DEFAULT_JVM_ARGS);
        // the apps run on the launcher's own JDK unless PUPITRE_JAVA names another, whose version is not known here
        if (c.javaCommand().equals(StackConfig.ownJavaCommand())) {
            command.addAll(StackConfig.nativeTrimArgs(Runtime.version()));
        }
        Path jar = s.runnableJar(c.repoRoot());
        Path classArchive = jar.resolveSibling(StackConfig.CLASS_ARCHIVE);
        if (Files.isRegularFile(classArchive)) {
            // AppCDS, built by the package step: classes are mapped, already parsed and verified, instead of read
            // from the jars. Its class path is recorded relative to the jar's folder, hence that working folder
            // below; an archive that does not match (another JDK, a jar rebuilt without it) is ignored by the JVM.
            command.add("-XX:SharedArchiveFile=" + classArchive);
        }
        command.addAll(c.jvmArgs());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        // The jar's own folder: never the repository root, whose .env (docker-compose) Quarkus would read.
        pb.directory(jar.getParent().toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("PUPITRE_"));
        // glibc's malloc keeps up to 8 arenas per core for the JVM's native threads; two are enough for these apps
        // and keep their resident memory flat (the usual setting for JVMs in containers; the images set it too)
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        pb.environment().putAll(environment(c, s, ports));
        if (replica != null) {
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(replica.http()));
            pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(replica.management()));
        }
        pb.redirectErrorStream(true);
        try {
            int http = replica == null ? ports.http(s) : replica.http();
            int management = replica == null ? ports.management(s) : replica.management();
            Files.writeString(log, "=== " + Instant.now() + " starting " + s.module() + " on port " + http
                    + " (management " + management + ")"
                    + ": " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, restarted ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + s.module(), e);
        }
    }

    /**
     * Chooses every port: the configured HTTP ports, each management port {@value StackPorts#MANAGEMENT_OFFSET}
     * above (both free ports when the HTTP port is 0). Every socket is held until all are chosen, so that free
     * ports are distinct.
     */
    private static StackPorts resolvePorts(StackConfig c) {
        Map<ServiceModule, Integer> http = new EnumMap<>(ServiceModule.class);
        Map<ServiceModule, Integer> management = new EnumMap<>(ServiceModule.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (ServiceModule s : ServiceModule.values()) {
                int requested = c.port(s);
                http.put(s, bind(requested, s, held, "PUPITRE_" + s.role().toUpperCase() + "_PORT"));
                management.put(s, bind(requested == 0 ? 0 : requested + StackPorts.MANAGEMENT_OFFSET, s, held,
                        "PUPITRE_" + s.role().toUpperCase() + "_PORT, whose management port is " + StackPorts.MANAGEMENT_OFFSET
                                + " above"));
            }
            Map<ServiceModule, List<StackPorts.Instance>> replicas = new EnumMap<>(ServiceModule.class);
            for (ServiceModule s : ServiceModule.values()) {
                for (int i = 2; s.replicable() && i <= c.replicas(); i++) {
                    String what = "instance " + i + " of " + s.module();
                    replicas.computeIfAbsent(s, k -> new ArrayList<>()).add(new StackPorts.Instance(
                            bind(0, s, held, what), bind(0, s, held, what + ", management")));
                }
            }
            return new StackPorts(http, management, replicas);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    private static int bind(int requested, ServiceModule s, List<ServerSocket> held, String variable) {
        try {
            ServerSocket socket = new ServerSocket(requested);
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Port " + requested + " (" + s.module() + ") is already in use:"
                    + " is Pupitre already running? Free it or choose another port (" + variable + " for ./run.sh).", e);
        }
    }
}
