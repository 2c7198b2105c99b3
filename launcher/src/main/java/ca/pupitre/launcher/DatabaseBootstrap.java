package ca.pupitre.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates, idempotently, what the four services need on a PostgreSQL server: the database, one
 * login role and one schema per service (a role can only touch its own schema), and the
 * {@code unaccent} and {@code pg_trgm} extensions that the listings' first migration needs (search itself runs on Lucene).
 *
 * <p>Runs as an administrator (superuser on the embedded server). Identifiers are restricted to
 * {@code [a-z_][a-z0-9_]*}; passwords are quoted by the server itself with {@code format('%L')}.
 * {@code docker/postgres/init-roles.sh} does the same for docker-compose.
 */
public final class DatabaseBootstrap {

    /** The service roles, each owning the schema of the same name. */
    public static final List<String> SERVICE_ROLES = List.of("gateway", "listings", "matching", "billing");

    /** Extensions created in schema {@code public} (contrib). */
    public static final List<String> EXTENSIONS = List.of("unaccent", "pg_trgm");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JDBC_URL =
            Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");

    private DatabaseBootstrap() {
    }

    /**
     * Ensures database, roles, schemas, privileges and extensions exist; safe to run any number of
     * times (passwords of existing roles are reset to the given ones).
     *
     * @param adminJdbcUrl  JDBC URL of any database the administrator can connect to (e.g. {@code postgres})
     * @param adminUser     administrator (superuser) name
     * @param adminPassword its password, {@code null} or empty for none
     * @param database      database to create/configure
     * @param rolePasswords password per role; must contain every role of {@link #SERVICE_ROLES}
     */
    public static void ensure(String adminJdbcUrl, String adminUser, String adminPassword,
                              String database, Map<String, String> rolePasswords) {
        Objects.requireNonNull(adminJdbcUrl, "adminJdbcUrl");
        Objects.requireNonNull(adminUser, "adminUser");
        requireIdentifier(database, "database");
        Map<String, String> roles = new TreeMap<>(Objects.requireNonNull(rolePasswords, "rolePasswords"));
        for (String role : SERVICE_ROLES) {
            if (!roles.containsKey(role)) {
                throw new IllegalArgumentException("No password given for role " + role);
            }
        }
        roles.forEach((role, password) -> {
            requireIdentifier(role, "role");
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("Empty password for role " + role);
            }
        });

        try {
            try (Connection admin = connect(adminJdbcUrl, adminUser, adminPassword)) {
                createDatabaseIfMissing(admin, database);
            }
            try (Connection db = connect(withDatabase(adminJdbcUrl, database), adminUser, adminPassword)) {
                db.setAutoCommit(false);
                for (String extension : EXTENSIONS) {
                    createExtension(db, extension);
                }
                execute(db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                execute(db, format(db, "REVOKE ALL ON DATABASE %I FROM PUBLIC", database));
                for (Map.Entry<String, String> entry : roles.entrySet()) {
                    ensureRole(db, entry.getKey(), entry.getValue());
                    ensureSchema(db, entry.getKey());
                    execute(db, format(db, "GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I", database, entry.getKey()));
                }
                db.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database bootstrap of '" + database + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns {@code jdbcUrl} pointing at {@code database} on the same server, keeping connection
     * parameters except {@code user} and {@code password}.
     */
    public static String withDatabase(String jdbcUrl, String database) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Expected a URL like jdbc:postgresql://host:port/db, got " + jdbcUrl);
        }
        StringBuilder url = new StringBuilder(m.group(1)).append('/').append(database);
        if (m.group(3) != null) {
            StringBuilder query = new StringBuilder();
            for (String param : m.group(3).substring(1).split("&")) {
                String name = param.split("=", 2)[0].toLowerCase();
                if (param.isEmpty() || name.equals("user") || name.equals("password")) {
                    continue;
                }
                query.append(query.length() == 0 ? '?' : '&').append(param);
            }
            url.append(query);
        }
        return url.toString();
    }

    static void requireIdentifier(String value, String what) {
        if (value == null || !IDENTIFIER.matcher(value).matches() || value.length() > 63) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + value + "': only [a-z_][a-z0-9_]* (at most 63) is allowed");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "pupitre-bootstrap");
        return DriverManager.getConnection(url, props);
    }

    private static void createDatabaseIfMissing(Connection admin, String database) throws SQLException {
        if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            return;
        }
        try {
            // CREATE DATABASE cannot run inside a transaction: the connection is in auto-commit mode.
            execute(admin, format(admin, "CREATE DATABASE %I ENCODING 'UTF8' TEMPLATE template0", database));
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                throw e;
            }
        }
    }

    private static void createExtension(Connection db, String extension) throws SQLException {
        if (!exists(db, "SELECT 1 FROM pg_available_extensions WHERE name = ?", extension)) {
            throw new IllegalStateException("PostgreSQL extension '" + extension + "' is NOT available on this server"
                    + " (listings' French search needs it): install the PostgreSQL contrib package"
                    + " (e.g. postgresql-contrib) on the database server.");
        }
        execute(db, format(db, "CREATE EXTENSION IF NOT EXISTS %I SCHEMA public", extension));
    }

    private static void ensureRole(Connection db, String role, String password) throws SQLException {
        String template = exists(db, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)
                ? "ALTER ROLE %I WITH LOGIN PASSWORD %L"
                : "CREATE ROLE %I WITH LOGIN PASSWORD %L";
        execute(db, format(db, template, role, password));
    }

    private static void ensureSchema(Connection db, String role) throws SQLException {
        execute(db, format(db, "CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I", role, role));
        boolean ownedByRole = exists(db,
                "SELECT 1 FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner"
                        + " WHERE n.nspname = ? AND r.rolname = n.nspname", role);
        if (!ownedByRole) {
            execute(db, format(db, "ALTER SCHEMA %I OWNER TO %I", role, role));
        }
        execute(db, format(db, "REVOKE ALL ON SCHEMA %I FROM PUBLIC", role));
    }

    private static boolean exists(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Lets the server build the statement: {@code %I} quotes identifiers, {@code %L} literals. */
    private static String format(Connection c, String template, String... args) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT format(?");
        for (int i = 0; i < args.length; i++) {
            sql.append(", ?::text");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, template);
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 2, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
