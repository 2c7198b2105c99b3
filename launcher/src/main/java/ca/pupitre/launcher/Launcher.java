package ca.pupitre.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./run.sh [--demo] [--replicas N]}: starts PostgreSQL (embedded, persisted in {@code .pupitre/pgdata}, or an
 * external server), creates the database, roles and schemas, starts the four services and the web app and waits
 * until they are ready. Ctrl-C stops everything and exits 0.
 *
 * <p>Environment (all optional): {@code PUPITRE_STATE_DIR}, {@code PUPITRE_DB_URL},
 * {@code PUPITRE_DB_USER}, {@code PUPITRE_DB_PASSWORD}, {@code PUPITRE_EMBEDDED_DB_PORT},
 * {@code PUPITRE_ADMIN_EMAIL}, {@code PUPITRE_ADMIN_PASSWORD}, {@code PUPITRE_CORS_ORIGINS},
 * {@code PUPITRE_GATEWAY_PORT}, {@code PUPITRE_LISTINGS_PORT}, {@code PUPITRE_MATCHING_PORT},
 * {@code PUPITRE_BILLING_PORT} (0 = free port), {@code PUPITRE_READY_TIMEOUT} (seconds),
 * {@code PUPITRE_JAVA_OPTS} (JVM options of the services).
 */
public final class Launcher {

    static final String DATABASE = "pupitre";
    static final int DEFAULT_EMBEDDED_DB_PORT = 54329;

    private static final Object LOCK = new Object();
    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
    private static volatile int exitStatus = 0;
    private static EmbeddedDatabase database; // guarded by LOCK
    private static RunningStack stack; // guarded by LOCK

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before any SLF4J logger exists: keep zonky's informational chatter out of the console.
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            printUsage();
            return;
        }
        int replicas = 1;
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--replicas") && i + 1 < arguments.size() && arguments.get(i + 1).matches("[1-9]")
                    && Integer.parseInt(arguments.get(i + 1)) <= StackConfig.MAX_REPLICAS) {
                replicas = Integer.parseInt(arguments.get(++i));
            } else if (!a.equals("--demo")) {
                System.err.println(a.equals("--replicas") ? "--replicas needs a number from 1 to " + StackConfig.MAX_REPLICAS
                        : "Unknown option: " + a);
                printUsage();
                System.exit(2);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "pupitre-shutdown"));
        try {
            run(arguments.contains("--demo"), replicas);
            new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            if (SHUTTING_DOWN.get()) {
                return; // stopped while starting: the shutdown hook reports and exits
            }
            System.err.println();
            System.err.println("ÉCHEC / FAILED: " + e.getMessage());
            if (System.getenv("PUPITRE_DEBUG") != null) {
                e.printStackTrace();
            }
            exitStatus = 1;
            System.exit(1);
        }
    }

    private static void run(boolean demo, int replicas) {
        Map<String, String> env = System.getenv();
        Path repoRoot = System.getProperty("pupitre.repo.root") != null
                ? Path.of(System.getProperty("pupitre.repo.root")).toAbsolutePath().normalize()
                : StackConfig.findRepoRoot(Path.of(""));
        Path stateDir = Path.of(env.getOrDefault("PUPITRE_STATE_DIR", repoRoot.resolve(".pupitre").toString()))
                .toAbsolutePath().normalize();
        createPrivateDirectory(stateDir);
        Path secretsFile = stateDir.resolve("secrets.properties");
        Secrets secrets = Secrets.loadOrCreate(secretsFile);

        boolean adminFromEnv = notBlank(env.get("PUPITRE_ADMIN_EMAIL")) && notBlank(env.get("PUPITRE_ADMIN_PASSWORD"));
        String adminEmail = adminFromEnv ? env.get("PUPITRE_ADMIN_EMAIL") : secrets.adminEmail();
        String adminPassword = adminFromEnv ? env.get("PUPITRE_ADMIN_PASSWORD") : secrets.adminPassword();

        System.out.println("Pupitre — démarrage / starting (state: " + display(repoRoot, stateDir) + ")");
        String externalUrl = env.get("PUPITRE_DB_URL");
        String servicesJdbcUrl;
        String databaseDescription;
        if (notBlank(externalUrl)) {
            String user = env.getOrDefault("PUPITRE_DB_USER", "postgres");
            String password = env.getOrDefault("PUPITRE_DB_PASSWORD", "");
            System.out.println("  database: external " + DatabaseBootstrap.withDatabase(externalUrl, DATABASE));
            DatabaseBootstrap.ensure(externalUrl, user, password, DATABASE, secrets.rolePasswords());
            servicesJdbcUrl = DatabaseBootstrap.withDatabase(externalUrl, DATABASE);
            databaseDescription = servicesJdbcUrl + " (external)";
        } else {
            int port = intEnv(env, "PUPITRE_EMBEDDED_DB_PORT", DEFAULT_EMBEDDED_DB_PORT);
            Path pgdata = stateDir.resolve("pgdata");
            System.out.println("  database: embedded PostgreSQL 16, data in " + display(repoRoot, pgdata));
            synchronized (LOCK) {
                if (SHUTTING_DOWN.get()) {
                    return;
                }
                database = EmbeddedDatabase.start(pgdata, port, stateDir.resolve("logs").resolve("postgres.log"));
            }
            DatabaseBootstrap.ensure(database.adminJdbcUrl(), database.superuser(), "", DATABASE,
                    secrets.rolePasswords());
            servicesJdbcUrl = database.jdbcUrl(DATABASE);
            databaseDescription = servicesJdbcUrl + " (embedded, user " + database.superuser() + ", no password)";
        }

        StackConfig.Builder config = StackConfig.builder(repoRoot)
                .stateDir(stateDir)
                .jdbcUrl(servicesJdbcUrl)
                .secrets(secrets)
                .admin(adminEmail, adminPassword)
                .readyTimeout(Duration.ofSeconds(intEnv(env, "PUPITRE_READY_TIMEOUT", 180)))
                .replicas(replicas);
        if (notBlank(env.get("PUPITRE_CORS_ORIGINS"))) {
            config.corsOrigins(env.get("PUPITRE_CORS_ORIGINS"));
        }
        if (notBlank(env.get("PUPITRE_RATE_LIMIT_SCALE"))) {
            // e.g. a benchmark's stack: measure the pages, not the refusals
            config.env("PUPITRE_RATE_LIMIT_SCALE", env.get("PUPITRE_RATE_LIMIT_SCALE").strip());
        }
        for (String passed : List.of("PUPITRE_LOG_JSON", "PUPITRE_OTLP_ENDPOINT", "PUPITRE_TRACE_SAMPLE_RATIO")) {
            if (notBlank(env.get(passed))) {
                config.env(passed, env.get(passed).strip());
            }
        }
        if (notBlank(env.get("PUPITRE_JAVA_OPTS"))) {
            config.jvmArgs(List.of(env.get("PUPITRE_JAVA_OPTS").trim().split("\\s+")));
        }
        for (ServiceModule s : ServiceModule.values()) {
            config.port(s, intEnv(env, "PUPITRE_" + s.role().toUpperCase() + "_PORT", s.defaultPort()));
        }
        // Every e-mail of the local stack lands in the gateway's dev mailbox (GET /api/v1/dev/mailbox, as ADMIN);
        // PUPITRE_DEV_MAILBOX=false only logs them.
        if ("false".equalsIgnoreCase(String.valueOf(env.get("PUPITRE_DEV_MAILBOX")).strip())) {
            config.noDevMailbox();
        } else {
            config.devMailboxPort(intEnv(env, "PUPITRE_DEV_SMTP_PORT", 0));
        }
        synchronized (LOCK) {
            if (SHUTTING_DOWN.get()) {
                return;
            }
            config.ownedDatabase(database);
            stack = Stack.launch(config.build());
        }
        System.out.println("  starting the gateway, the services and the web app (logs in " + display(repoRoot, stateDir.resolve("logs"))
                + ") ...");
        stack.awaitReady();

        String gateway = stack.gatewayUrl().toString();
        System.out.println();
        System.out.println("  ✔ Pupitre est prêt / Pupitre is ready");
        System.out.println("    Site web / Web app ......... " + gateway + "/");
        System.out.println("    Passerelle / Gateway ....... " + gateway);
        if (stack.config().replicas() > 1) {
            for (ServiceModule s : ServiceModule.values()) {
                if (s.replicable()) {
                    System.out.printf("    %-28s %s%n", s.module() + " ×" + stack.config().replicas(), stack.urls(s));
                }
            }
        }
        System.out.println("    Swagger UI ................. " + gateway + "/api/v1/docs");
        System.out.println("    OpenAPI .................... " + gateway + "/api/v1/openapi");
        System.out.println("    Santé / Health ............. " + stack.managementUrl(ServiceModule.GATEWAY) + "/q/health"
                + "  (ports de gestion / management ports " + stack.allPorts().management().values() + ", never public)");
        System.out.println("    Admin ...................... " + adminEmail + (adminFromEnv
                ? "  (mot de passe / password: PUPITRE_ADMIN_PASSWORD)"
                : "  (mot de passe / password: admin.password in " + display(repoRoot, secretsFile) + ")"));
        System.out.println("    Base de données / Database . " + databaseDescription);
        if (stack.config().devMailboxPort() > 0) {
            System.out.println("    Courriels / E-mails ........ " + gateway + "/api/v1/dev/mailbox?to=ADRESSE  (ADMIN; nothing leaves this machine)");
        }
        System.out.println("    Journaux / Logs ............ " + display(repoRoot, stateDir.resolve("logs")));
        System.out.println("  Ctrl-C pour arrêter / to stop");
        System.out.println();

        if (demo) {
            new DemoData(stack.gatewayUrl(), secrets.demoPassword(), System.out,
                    stateDir.resolve("demo-loaded.txt"), adminEmail, adminPassword).load();
            System.out.println();
        }
    }

    /** Shutdown hook: stops the services, then the embedded database, and exits (0 on Ctrl-C). */
    private static void shutdown() {
        SHUTTING_DOWN.set(true);
        synchronized (LOCK) {
            if (stack != null || database != null) {
                System.out.println();
                System.out.println("Arrêt en cours / Stopping ...");
            }
            try {
                if (stack != null) {
                    stack.close(); // also stops the embedded database it owns
                } else if (database != null) {
                    database.close();
                }
            } catch (RuntimeException e) {
                System.err.println("Error while stopping: " + e.getMessage());
            }
            if (stack != null || database != null) {
                System.out.println("Arrêté / Stopped.");
            }
        }
        System.out.flush();
        // A JVM stopped by SIGINT/SIGTERM would exit with 130/143; Ctrl-C is the normal way to stop.
        Runtime.getRuntime().halt(exitStatus);
    }

    private static void printUsage() {
        System.out.println(String.join(System.lineSeparator(),
                "Usage: ./run.sh [--demo] [--replicas N]",
                "",
                "Builds what is missing, then starts PostgreSQL, the four Pupitre services and the web app;",
                "open http://localhost:8080/ (the gateway). Ctrl-C stops everything.",
                "",
                "  --demo   load bilingual demo data (secretaries, clients, listings) through the API",
                "  --replicas N  run N instances (1 to " + StackConfig.MAX_REPLICAS + ") of each service and of the web app behind",
                "           the gateway, which balances between them (default 1)",
                "  --help   this help",
                "",
                "Environment (optional):",
                "  PUPITRE_STATE_DIR         state folder (default <repo>/.pupitre: pgdata, keys, logs, secrets)",
                "  PUPITRE_DB_URL            JDBC URL of an external PostgreSQL admin database (default: embedded)",
                "  PUPITRE_DB_USER           its admin user (default postgres)",
                "  PUPITRE_DB_PASSWORD       its admin password (default empty)",
                "  PUPITRE_EMBEDDED_DB_PORT  embedded PostgreSQL port (default 54329, 0 = free port)",
                "  PUPITRE_ADMIN_EMAIL       platform administrator (default admin@pupitre.local with a",
                "  PUPITRE_ADMIN_PASSWORD      generated password kept in secrets.properties)",
                "  PUPITRE_CORS_ORIGINS      default " + StackConfig.DEFAULT_CORS_ORIGINS,
                "  PUPITRE_RATE_LIMIT_SCALE  multiplies the gateway's per-address and per-account budgets (default "
                        + Stack.LOCAL_RATE_LIMIT_SCALE + " here, 1 in production)",
                "  PUPITRE_GATEWAY_PORT, PUPITRE_LISTINGS_PORT, PUPITRE_MATCHING_PORT, PUPITRE_BILLING_PORT,",
                "  PUPITRE_WEB_PORT          default 8080..8084, 0 = free port; each management port (health,\n"
                        + "                            metrics) is 1000 above (9080..9084), or free with 0",
                "  PUPITRE_DEV_MAILBOX       true (default): every e-mail lands in the gateway's dev mailbox,",
                "                            GET /api/v1/dev/mailbox?to=ADDRESS as admin; false: e-mails are only logged",
                "  PUPITRE_DEV_SMTP_PORT     its SMTP port (default: a free port)",
                "  PUPITRE_READY_TIMEOUT     seconds to wait for the services (default 180)",
                "  PUPITRE_LOG_JSON          true: every service logs one JSON object per line (default false)",
                "  PUPITRE_OTLP_ENDPOINT     an OpenTelemetry collector's OTLP/HTTP address (e.g. http://localhost:4318):\n"
                        + "                            every service exports its spans there (default: spans are not exported)",
                "  PUPITRE_TRACE_SAMPLE_RATIO  share of traces kept, 0.0 to 1.0 (default 1.0: every one)",
                "  PUPITRE_JAVA_OPTS         JVM options for the services and the web app"));
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    private static int intEnv(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (!notBlank(value)) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String display(Path repoRoot, Path p) {
        return p.startsWith(repoRoot) ? repoRoot.relativize(p).toString() : p.toString();
    }
}
