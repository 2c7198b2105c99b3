package ca.pupitre.testing;

import ca.pupitre.launcher.DatabaseBootstrap;
import ca.pupitre.launcher.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL a test JVM uses: an embedded server (default), or a throwaway database on the
 * server named by {@code PUPITRE_TEST_DB_URL} (with {@code PUPITRE_TEST_DB_USER}/{@code _PASSWORD}),
 * dropped when the JVM ends. Either way the database is bootstrapped exactly as {@code ./run.sh}
 * does it: one role and one schema per service.
 */
public final class TestDatabase {

    /** Password of every service role in tests (the embedded server trusts local connections anyway). */
    public static final String ROLE_PASSWORD = "test-only-role-password";
    private static TestDatabase instance;

    private final String jdbcUrl;
    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;

    private TestDatabase(String jdbcUrl, String adminUrl, String adminUser, String adminPassword) {
        this.jdbcUrl = jdbcUrl;
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestDatabase start() {
        Map<String, String> roles = new LinkedHashMap<>();
        DatabaseBootstrap.SERVICE_ROLES.forEach(role -> roles.put(role, ROLE_PASSWORD));
        String external = System.getenv("PUPITRE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = envOr("PUPITRE_TEST_DB_USER", "postgres");
            String password = envOr("PUPITRE_TEST_DB_PASSWORD", "");
            String name = "pupitre_test_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
            DatabaseBootstrap.ensure(external, user, password, name, roles);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(external, user, password, name)));
            return new TestDatabase(DatabaseBootstrap.withDatabase(external, name), external, user, password);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        DatabaseBootstrap.ensure(embedded.adminJdbcUrl(), embedded.superuser(), "", "pupitre", roles);
        return new TestDatabase(embedded.jdbcUrl("pupitre"), embedded.adminJdbcUrl(), embedded.superuser(), "");
    }

    /** JDBC URL of the test's {@code pupitre} database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection as the superuser, for tests that set up or inspect data beyond their service. */
    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, adminUser, adminPassword);
    }

    /** A connection as one service role. */
    public Connection connectionAs(String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, role, ROLE_PASSWORD);
    }

    /** Quarkus datasource properties for the service whose role (and schema) is {@code role}. */
    public Map<String, String> datasourceConfig(String role) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", role,
                "quarkus.datasource.password", ROLE_PASSWORD);
    }

    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    String adminUrl() {
        return adminUrl;
    }
}
