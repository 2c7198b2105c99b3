package ca.pupitre.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * How to run the stack (gateway, three services, web app): where the build lives, ports, database, credentials. Immutable;
 * build it with {@link #builder(Path)}.
 *
 * <pre>{@code
 * EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
 * Secrets secrets = Secrets.generate();
 * DatabaseBootstrap.ensure(db.adminJdbcUrl(), db.superuser(), "", "pupitre", secrets.rolePasswords());
 * try (RunningStack stack = Stack.start(StackConfig.builder(StackConfig.findRepoRoot(Path.of("")))
 *         .stateDir(tempDir).freePorts().embeddedDatabase(db, "pupitre").secrets(secrets).build())) {
 *     URI gateway = stack.gatewayUrl();
 * }
 * }</pre>
 */
public final class StackConfig {

    public static final String DEFAULT_CORS_ORIGINS = "http://localhost:3000,http://localhost:5173";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);
    /** More would not fit one developer machine: each instance is a JVM of its own. */
    public static final int MAX_REPLICAS = 4;

    private final Path repoRoot;
    private final Path stateDir;
    private final Map<ServiceModule, Integer> ports;
    private final String jdbcUrl;
    private final Map<String, String> rolePasswords;
    private final Map<String, String> serviceSecrets;
    private final String adminEmail;
    private final String adminPassword;
    private final String corsOrigins;
    /** SMTP port of the gateway's dev mailbox; 0 when there is none. */
    private final int devMailboxPort;
    private final Duration readyTimeout;
    private final String javaCommand;
    private final List<String> jvmArgs;
    /**
     * What every app's JVM gets before {@code PUPITRE_JAVA_OPTS} (which comes after, so it wins): the serial
     * collector (the lightest for small heaps on few cores; the JVM picks it itself in a container of one CPU), a
     * heap bounded well above what an app holds under the soak (34-115 MB measured, bench/footprint and
     * bench/soak) so five apps and PostgreSQL share a laptop predictably, and an exit rather than a half-working
     * process when the heap runs out. The heap starts small and is given back after a collection when more than
     * 30% of it is free: without {@code -Xms} the JVM starts at the limit itself (a 64th of this machine's memory
     * is above 256 MB), and the serial collector then touches every page of its young generation before the first
     * collection, about 50 MB of resident memory that an app never needed (bench/footprint). Containers get the
     * same with a share of their memory limit instead (the Dockerfiles' and the manifests' JAVA_TOOL_OPTIONS).
     */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-XX:+UseSerialGC", "-Xms24m", "-Xmx256m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError");

    /**
     * Once a minute the JVM hands back to the system what the C library keeps of freed native memory (the
     * compilers' scratch space mostly): 22-44 MB per app after ten minutes of the soak. The option exists from
     * JDK 17.0.9 (experimental there until a later update, hence the unlock) and 21.0.1; an older JDK would refuse
     * to start with it, so it is only given to a JDK that has it ({@link #nativeTrimArgs}).
     */
    static final List<String> NATIVE_TRIM_ARGS = List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=60000");

    /** The java of the JDK running this launcher: the apps' too, unless told otherwise. */
    static String ownJavaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@link #NATIVE_TRIM_ARGS} when {@code version} (the apps' JDK) has the option, else nothing. */
    static List<String> nativeTrimArgs(Runtime.Version version) {
        boolean has = version.feature() >= 22 || (version.feature() == 21 && version.update() >= 1)
                || (version.feature() == 17 && version.update() >= 9);
        return has ? NATIVE_TRIM_ARGS : List.of();
    }

    /** The class-data archive (AppCDS) the package step writes beside each app's runnable jar. */
    public static final String CLASS_ARCHIVE = "app-cds.jsa";
    private final Map<String, String> extraEnv;
    private final AutoCloseable ownedDatabase;
    private final int replicas;

    private StackConfig(Builder b) {
        this.repoRoot = b.repoRoot.toAbsolutePath().normalize();
        this.stateDir = (b.stateDir != null ? b.stateDir : repoRoot.resolve(".pupitre")).toAbsolutePath().normalize();
        this.ports = Collections.unmodifiableMap(new EnumMap<>(b.ports));
        this.jdbcUrl = Objects.requireNonNull(b.jdbcUrl, "jdbcUrl (database) is required");
        this.rolePasswords = Map.copyOf(Objects.requireNonNull(b.rolePasswords, "rolePasswords are required"));
        this.serviceSecrets = Map.copyOf(Objects.requireNonNull(b.serviceSecrets, "serviceSecrets are required"));
        this.adminEmail = Objects.requireNonNull(b.adminEmail, "adminEmail is required");
        this.adminPassword = Objects.requireNonNull(b.adminPassword, "adminPassword is required");
        this.corsOrigins = b.corsOrigins;
        this.devMailboxPort = !b.devMailbox ? 0 : b.devMailboxPort > 0 ? b.devMailboxPort : freePort();
        this.readyTimeout = b.readyTimeout;
        this.javaCommand = b.javaCommand;
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.extraEnv = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraEnv));
        this.ownedDatabase = b.ownedDatabase;
        this.replicas = b.replicas;
        for (ServiceModule s : ServiceModule.values()) {
            if (s.usesDatabase() && rolePasswords.get(s.role()) == null) {
                throw new IllegalArgumentException("No database password for role " + s.role());
            }
        }
        for (String s : Secrets.SECRET_SERVICES) {
            if (serviceSecrets.get(s) == null) {
                throw new IllegalArgumentException("No client secret for service " + s);
            }
        }
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /**
     * Walks up from {@code start} to the Pupitre repository root (the folder holding {@code mvnw}
     * and {@code gateway/pom.xml}).
     */
    public static Path findRepoRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isRegularFile(p.resolve("gateway/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Not inside the Pupitre repository: " + start.toAbsolutePath());
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** Holds {@code logs/} and {@code keys/}. */
    public Path stateDir() {
        return stateDir;
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    /** The gateway's signing keys ({@code PUPITRE_KEYS_DIR}). */
    public Path keysDir() {
        return stateDir.resolve("keys");
    }

    /** Requested port (0 = pick a free port at start). */
    public int port(ServiceModule service) {
        return ports.getOrDefault(service, service.defaultPort());
    }

    /** JDBC URL of the services' database (without credentials). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Map<String, String> rolePasswords() {
        return rolePasswords;
    }

    public Map<String, String> serviceSecrets() {
        return serviceSecrets;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The dev mailbox's SMTP port (every service sends there); 0: no dev mailbox, e-mails are logged only. */
    public int devMailboxPort() {
        return devMailboxPort;
    }

    /**
     * A port nobody listens on, for the dev mailbox's SMTP server (which the gateway opens later, so the port has to
     * stay free meanwhile). Taken below the kernel's ephemeral range (32768-60999 on Linux): a port the kernel
     * handed out for the asking would also be handed to the next outgoing connection of any process here, and was,
     * once, between this choice and the gateway's bind.
     */
    private static int freePort() {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException("No free port for the dev mailbox between 20000 and 32000", new IOException("all taken"));
    }

    public String corsOrigins() {
        return corsOrigins;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public String javaCommand() {
        return javaCommand;
    }

    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** Extra environment for every child (applied last, so it can override). */
    public Map<String, String> extraEnv() {
        return extraEnv;
    }

    /** Database stopped by {@link RunningStack#close()} after the services, or {@code null}. */
    /**
     * Instances of each service and of the web app (1, or more behind the gateway, which balances between them);
     * the gateway itself is always one: it is the single public entry.
     */
    public int replicas() {
        return replicas;
    }

    public AutoCloseable ownedDatabase() {
        return ownedDatabase;
    }

    public static final class Builder {
        private final Path repoRoot;
        private Path stateDir;
        private final Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        private String jdbcUrl;
        private Map<String, String> rolePasswords;
        private Map<String, String> serviceSecrets;
        private String adminEmail;
        private String adminPassword;
        private String corsOrigins = DEFAULT_CORS_ORIGINS;
        private int devMailboxPort;
        private boolean devMailbox = true;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private String javaCommand = ownJavaCommand();
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> extraEnv = new LinkedHashMap<>();
        private AutoCloseable ownedDatabase;
        private int replicas = 1;

        private Builder(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        }

        /** Default {@code <repoRoot>/.pupitre}. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** 0 = a free port chosen at start. */
        public Builder port(ServiceModule service, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Invalid port " + port + " for " + service.module());
            }
            ports.put(service, port);
            return this;
        }

        /** Every service on a free port (for tests). */
        public Builder freePorts() {
            for (ServiceModule s : ServiceModule.values()) {
                ports.put(s, 0);
            }
            return this;
        }

        /** An external (or already managed) database: services connect to this JDBC URL. */
        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** Uses {@code database} on the embedded server and stops the server on close. */
        public Builder embeddedDatabase(EmbeddedDatabase db, String database) {
            this.jdbcUrl = db.jdbcUrl(database);
            this.ownedDatabase = db;
            return this;
        }

        /** Role passwords, service client secrets and administrator from {@code secrets}. */
        public Builder secrets(Secrets secrets) {
            this.rolePasswords = secrets.rolePasswords();
            this.serviceSecrets = secrets.serviceSecrets();
            if (adminEmail == null) {
                this.adminEmail = secrets.adminEmail();
                this.adminPassword = secrets.adminPassword();
            }
            return this;
        }

        public Builder rolePasswords(Map<String, String> rolePasswords) {
            this.rolePasswords = rolePasswords;
            return this;
        }

        public Builder serviceSecrets(Map<String, String> serviceSecrets) {
            this.serviceSecrets = serviceSecrets;
            return this;
        }

        public Builder admin(String email, String password) {
            this.adminEmail = email;
            this.adminPassword = password;
            return this;
        }

        /**
         * The SMTP port of the dev mailbox, the gateway's catch-all mail server that every service sends to
         * (0, the default: a free port chosen when the configuration is built); {@link #noDevMailbox()} turns
         * it off (e-mails are then only logged).
         */
        public Builder devMailboxPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Invalid dev mailbox port " + port);
            }
            this.devMailboxPort = port;
            return this;
        }

        public Builder noDevMailbox() {
            this.devMailbox = false;
            return this;
        }

        public Builder corsOrigins(String corsOrigins) {
            this.corsOrigins = corsOrigins;
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        public Builder javaCommand(String javaCommand) {
            this.javaCommand = javaCommand;
            return this;
        }

        public Builder jvmArgs(List<String> args) {
            jvmArgs.addAll(args);
            return this;
        }

        public Builder env(String name, String value) {
            extraEnv.put(name, value);
            return this;
        }

        /** A database to stop after the services on close (e.g. an {@link EmbeddedDatabase}). */
        public Builder ownedDatabase(AutoCloseable db) {
            this.ownedDatabase = db;
            return this;
        }

        /** Instances of each replicable application ({@link ServiceModule#replicable()}), 1 to {@value #MAX_REPLICAS}. */
        public Builder replicas(int replicas) {
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new IllegalArgumentException("Replicas must be 1 to " + MAX_REPLICAS + ", not " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        public StackConfig build() {
            return new StackConfig(this);
        }
    }
}
