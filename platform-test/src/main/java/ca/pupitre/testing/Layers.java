package ca.pupitre.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The one layering every service follows, checked on its compiled main classes (ArchUnit), so that "where is X
 * decided?" has the same answer in all four:
 * <ul>
 * <li>{@code rest}: HTTP only. Resources read the caller and the request, call a use case, and build the answer
 * (status, headers, {@code Response}). Nothing else depends on them.</li>
 * <li>{@code api}: the JSON contract, the request and response records with their Bean Validation limits. The
 * resources and the use cases share them.</li>
 * <li>{@code service}: the use cases, with their transactions and authorization (role and ownership, through the
 * platform's {@code Caller}). They return domain objects or {@code api} records, never an HTTP answer, and hold no
 * SQL.</li>
 * <li>{@code domain}: entities and value objects, each owning its state transitions. They know no layer above.</li>
 * <li>{@code repository}: every query, SQL or JPQL, with rows mapped to records or entities. Only this layer
 * touches the {@code EntityManager}, a Hibernate session, JDBC or the pool (a query string handed to a Panache
 * repository's {@code find} from a use case is not seen by the rule).</li>
 * </ul>
 */
public final class Layers {

    private Layers() {
    }

    /** Checks the rules on the main classes under {@code basePackage} (e.g. {@code ca.pupitre.billing}). */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        CompositeArchRule.of(rules(basePackage)).check(classes);
    }

    /** The rules, one per crossing, so that each can be shown to fire on its own. */
    static List<ArchRule> rules(String base) {
        String rest = base + ".rest..";
        ArchRule nothingBelowKnowsTheResources = noClasses().that().resideOutsideOfPackage(rest)
                .should().dependOnClassesThat().resideInAPackage(rest)
                .because("resources sit on top: the contract records live in `api`, shared with the use cases");
        ArchRule useCasesAnswerNoHttp = noClasses()
                .that().resideInAnyPackage(base + ".service..", base + ".domain..", base + ".repository..", base + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy.reactive..",
                        "io.vertx.ext.web..")
                .because("status codes, headers and responses are built in `rest`");
        ArchRule onlyRepositoriesTouchTheDatabase = noClasses().that().resideOutsideOfPackage(base + ".repository..")
                .should().dependOnClassesThat().haveNameMatching(DATABASE_ACCESS)
                .because("every query runs in a repository, its rows mapped there (query strings a use case hands a"
                        + " Panache repository, e.g. find(\"ownerId = ?1\"), are not seen by this rule)");
        ArchRule domainKnowsNoLayer = noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".service..", base + ".repository..", rest,
                        base + ".client..", base + ".api..", base + ".config..")
                .because("entities own their rules and know nothing of how they are stored, configured or served");
        return List.of(nothingBelowKnowsTheResources, useCasesAnswerNoHttp, onlyRepositoriesTouchTheDatabase,
                domainKnowsNoLayer);
    }

    /** The ways to reach the database: JPA and Hibernate sessions and queries, JDBC, the pool. */
    private static final String DATABASE_ACCESS = "jakarta\\.persistence\\.(EntityManager|EntityManagerFactory|Query|TypedQuery"
            + "|StoredProcedureQuery|criteria\\..+)|org\\.hibernate\\.(Session|StatelessSession|SessionFactory|query\\..+)"
            + "|java\\.sql\\.(Connection|Statement|PreparedStatement|CallableStatement|ResultSet)|javax\\.sql\\.DataSource"
            + "|io\\.agroal\\..+";
}
