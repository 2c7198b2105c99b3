package ca.pupitre.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @Test
    void keepsDataInItsDirectoryBetweenRuns(@TempDir Path dir) throws SQLException {
        Path pgdata = dir.resolve("pgdata");
        Path log = dir.resolve("logs/postgres.log");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, 0, log)) {
            execute(db, "CREATE TABLE kept (v text)");
            execute(db, "INSERT INTO kept VALUES ('gardé')");
        }
        assertThat(pgdata.resolve("PG_VERSION")).hasContent("16");
        assertThat(pgdata.resolve("postmaster.pid")).doesNotExist();
        assertThat(log).exists();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, 0, log)) {
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("gardé");
        }
        assertThat(Files.exists(pgdata)).isTrue();
    }

    @Test
    void usesAUtf8LocaleSoThatAccentedLettersChangeCase() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            assertThat(query(db, "SELECT lower('ÉCOLE À MONTRÉAL')")).isEqualTo("école à montréal");
            assertThat(query(db, "SELECT current_setting('server_version_num')")).startsWith("16");
            assertThat(db.jdbcUrl("pupitre")).isEqualTo("jdbc:postgresql://localhost:" + db.port() + "/pupitre");
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.adminJdbcUrl(), db.superuser(), "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String query(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.adminJdbcUrl(), db.superuser(), "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
