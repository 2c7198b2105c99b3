package ca.pupitre.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (zonky embedded binaries, PostgreSQL 16) running on this machine.
 *
 * <p>Either persisted in a given data directory (reused between runs) or in a throwaway temporary
 * directory deleted on {@link #close()}. The superuser is {@value #SUPERUSER} with trust
 * authentication on localhost. When the JVM runs as root, zonky starts the server inside a user
 * namespace ({@code unshare -U}) where it appears as {@code nobody}; files created by root stay
 * accessible to it, so no ownership change is needed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Superuser created by initdb. */
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean temporary;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, boolean temporary) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
    }

    /** Starts a throwaway server on a free port; its data directory is deleted on close. */
    public static EmbeddedDatabase startTemporary() {
        return start(null, 0, null);
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the cluster lives and is kept between runs; {@code null} for a
     *                      throwaway temporary directory
     * @param port          TCP port on localhost, 0 for a free port
     * @param serverLog     file receiving the server's output (appended), {@code null} to route it
     *                      through SLF4J
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Path serverLog) {
        boolean temporary = dataDirectory == null;
        try {
            Path dir = temporary
                    ? Files.createTempDirectory("pupitre-pg")
                    : dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            if (!temporary) {
                stopOrphanedPostmaster(dir);
            }
            if (port != 0) {
                requireFreePort(port);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A UTF-8 ctype makes lower()/ILIKE/to_tsvector handle accented letters (É -> é).
                    .setLocaleConfig("locale", defaultLocale())
                    .setServerConfig("listen_addresses", "localhost");
            if (serverLog != null) {
                Files.createDirectories(serverLog.toAbsolutePath().getParent());
                ProcessBuilder.Redirect redirect = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
                builder.setOutputRedirector(redirect).setErrorRedirector(redirect);
            }
            return new EmbeddedDatabase(builder.start(), dir, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** TCP port on localhost. */
    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** JDBC URL of the maintenance database {@code postgres}, to be used with {@link #superuser()}. */
    public String adminJdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** Superuser name ({@value #SUPERUSER}); its password is empty (trust authentication). */
    public String superuser() {
        return SUPERUSER;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** Stops the server (fast shutdown); deletes the data directory if it was temporary. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", e);
        }
    }

    private static String defaultLocale() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        // glibc and musl ship C.UTF-8; macOS has en_US.UTF-8.
        return os.contains("linux") ? "C.UTF-8" : "en_US.UTF-8";
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is already in use: is another Pupitre (or PostgreSQL)"
                    + " running? Choose another port with PUPITRE_EMBEDDED_DB_PORT.", e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running (pg_ctl detaches it), which
     * would make the next start fail. Ask such a leftover server for a fast shutdown (SIGINT).
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        System.err.println("Stopping a leftover PostgreSQL server (pid " + pid + ") using " + dir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("A PostgreSQL server (pid " + pid + ") still uses " + dir
                    + "; stop it first.", e);
        }
    }
}
