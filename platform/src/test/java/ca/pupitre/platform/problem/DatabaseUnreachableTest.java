package ca.pupitre.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are a database out of reach (503, retry) rather than a bug (500). */
class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreTheDatabaseOutOfReach() {
        // what the PostgreSQL driver throws when the server refuses connections, wrapped as Hibernate and JTA wrap it
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException("commit", new IllegalStateException(refused)))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLTransientConnectionException("pool timeout"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("no state"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(null)).isFalse();
    }

    @Test
    void itsProblemIsWrittenInBothLanguages() {
        Problem fr = Problems.of(503, "DATABASE_UNAVAILABLE", java.util.Locale.CANADA_FRENCH, "/x", "id", java.util.List.of());
        Problem en = Problems.of(503, "DATABASE_UNAVAILABLE", java.util.Locale.CANADA, "/x", "id", java.util.List.of());
        assertThat(fr.title()).isEqualTo("Données momentanément indisponibles");
        assertThat(en.title()).isEqualTo("Data temporarily unavailable");
        assertThat(en.detail()).contains("Try again");
    }
}
