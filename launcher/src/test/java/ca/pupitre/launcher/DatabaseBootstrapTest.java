package ca.pupitre.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bootstraps a real embedded PostgreSQL 16 and checks what each service role can and cannot do. */
class DatabaseBootstrapTest {

    private static final String DB = "pupitre";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static EmbeddedDatabase postgres;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    @BeforeAll
    static void startAndBootstrapTwice() throws SQLException {
        postgres = EmbeddedDatabase.startTemporary();
        PASSWORDS.put("gateway", Secrets.newPassword());
        // quotes, backslash, dollars and a semicolon must reach the server as data, never as SQL
        PASSWORDS.put("listings", "it's a \"p@ss\\word\"; DROP ROLE matching; $$");
        PASSWORDS.put("matching", Secrets.newPassword());
        PASSWORDS.put("billing", Secrets.newPassword());
        DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), postgres.superuser(), "", DB, PASSWORDS);
        DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), postgres.superuser(), "", DB, PASSWORDS);

        try (Connection listings = connectAs("listings")) {
            execute(listings, "CREATE TABLE listings.probe (id int PRIMARY KEY, title text)");
            execute(listings, "INSERT INTO listings.probe VALUES (1, 'Télésecrétariat à Québec')");
        }
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bootstrapIsIdempotentAndKeepsData() throws SQLException {
        DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), postgres.superuser(), null, DB, PASSWORDS);

        try (Connection admin = connectAsAdmin()) {
            assertThat(strings(admin, "SELECT rolname FROM pg_roles WHERE rolname IN"
                    + " ('gateway','listings','matching','billing') ORDER BY 1"))
                    .containsExactly("billing", "gateway", "listings", "matching");
            assertThat(strings(admin, "SELECT n.nspname || ':' || r.rolname FROM pg_namespace n"
                    + " JOIN pg_roles r ON r.oid = n.nspowner"
                    + " WHERE n.nspname IN ('gateway','listings','matching','billing') ORDER BY 1"))
                    .containsExactly("billing:billing", "gateway:gateway", "listings:listings", "matching:matching");
            assertThat(strings(admin, "SELECT e.extname || ':' || n.nspname FROM pg_extension e"
                    + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1"))
                    .containsExactly("pg_trgm:public", "unaccent:public");
            assertThat(strings(admin, "SELECT count(*)::text FROM listings.probe")).containsExactly("1");
        }
    }

    @Test
    void rerunResetsRolePasswords() throws SQLException {
        Map<String, String> changed = new HashMap<>(PASSWORDS);
        changed.put("billing", Secrets.newPassword());
        String before;
        try (Connection admin = connectAsAdmin()) {
            before = strings(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = 'billing'").get(0);
        }
        try {
            DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), postgres.superuser(), "", DB, changed);
            try (Connection admin = connectAsAdmin()) {
                String after = strings(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = 'billing'").get(0);
                assertThat(after).startsWith("SCRAM-SHA-256$").isNotEqualTo(before);
            }
        } finally {
            DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), postgres.superuser(), "", DB, PASSWORDS);
        }
    }

    @Test
    void listingsCanCreateReadAndSearchInItsOwnSchema() throws SQLException {
        try (Connection listings = connectAs("listings")) {
            execute(listings, "CREATE TABLE IF NOT EXISTS listings.own_table (id int)");
            execute(listings, "INSERT INTO listings.own_table VALUES (42)");
            assertThat(strings(listings, "SELECT id::text FROM own_table")).contains("42");
            // the extensions in public are usable by the role: accent-insensitive, fuzzy French search
            assertThat(strings(listings, "SELECT title FROM probe"
                    + " WHERE unaccent(lower(title)) LIKE '%' || unaccent(lower('QUÉBEC')) || '%'"))
                    .containsExactly("Télésecrétariat à Québec");
            assertThat(strings(listings, "SELECT (similarity(unaccent('Télésecrétariat'), 'telesecretariat') > 0.5)::text"))
                    .containsExactly("true");
        }
    }

    @Test
    void matchingCannotReadListingsTables() throws SQLException {
        try (Connection matching = connectAs("matching")) {
            assertThatThrownBy(() -> strings(matching, "SELECT * FROM listings.probe"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
        }
    }

    @Test
    void matchingCannotCreateInPublicNorInListings() throws SQLException {
        try (Connection matching = connectAs("matching")) {
            assertThatThrownBy(() -> execute(matching, "CREATE TABLE public.intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThatThrownBy(() -> execute(matching, "CREATE TABLE listings.intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
            // but it owns its own schema
            execute(matching, "CREATE TABLE IF NOT EXISTS matching.own_table (id int)");
        }
    }

    @Test
    void rolesWithoutGrantCannotConnect() throws SQLException {
        try (Connection admin = connectAsAdmin()) {
            execute(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stranger')"
                    + " THEN CREATE ROLE stranger LOGIN; END IF; END $$");
        }
        assertThatThrownBy(() -> connect("stranger", "x").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
    }

    @Test
    void rejectsUnsafeIdentifiersAndMissingRoles() {
        assertThatThrownBy(() -> DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), "postgres", "",
                "pupitre\"; DROP DATABASE postgres; --", PASSWORDS))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, String> badRole = new HashMap<>(PASSWORDS);
        badRole.put("Robert'); DROP", "x");
        assertThatThrownBy(() -> DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), "postgres", "", DB, badRole))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, String> missing = new HashMap<>(PASSWORDS);
        missing.remove("billing");
        assertThatThrownBy(() -> DatabaseBootstrap.ensure(postgres.adminJdbcUrl(), "postgres", "", DB, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing");
    }

    @Test
    void rewritesJdbcUrlsForAnotherDatabase() {
        assertThat(DatabaseBootstrap.withDatabase("jdbc:postgresql://db:5432/postgres?user=admin&sslmode=require", DB))
                .isEqualTo("jdbc:postgresql://db:5432/pupitre?sslmode=require");
        assertThat(DatabaseBootstrap.withDatabase("jdbc:postgresql://localhost", DB))
                .isEqualTo("jdbc:postgresql://localhost/pupitre");
        assertThat(DatabaseBootstrap.withDatabase("jdbc:postgresql://h1:5432,h2:5433/x?password=s", DB))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/pupitre");
    }

    private static Connection connectAs(String role) throws SQLException {
        return connect(role, PASSWORDS.get(role));
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(postgres.jdbcUrl(DB), props);
    }

    private static Connection connectAsAdmin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", postgres.superuser());
        return DriverManager.getConnection(postgres.jdbcUrl(DB), props);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
