package ca.pupitre.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

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
 * touches the {@code EntityManager}.</li>
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
        rules(basePackage).check(classes);
    }

    static ArchRule rules(String base) {
        String rest = base + ".rest..";
        ArchRule nothingBelowKnowsTheResources = noClasses().that().resideOutsideOfPackage(rest)
                .should().dependOnClassesThat().resideInAPackage(rest)
                .because("resources sit on top: the contract records live in `api`, shared with the use cases");
        ArchRule useCasesAnswerNoHttp = noClasses()
                .that().resideInAnyPackage(base + ".service..", base + ".domain..", base + ".repository..", base + ".api..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs.core..")
                .because("status codes, headers and responses are built in `rest`");
        ArchRule queriesLiveInRepositories = noClasses().that().resideOutsideOfPackage(base + ".repository..")
                .should().dependOnClassesThat().haveNameMatching(
                        "jakarta\\.persistence\\.(EntityManager|Query|TypedQuery)|org\\.hibernate\\.(Session|query\\.NativeQuery)")
                .because("every query is written in a repository and its rows mapped there");
        ArchRule domainKnowsNoLayer = noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".service..", base + ".repository..", rest,
                        base + ".client..")
                .because("entities own their rules and know nothing of how they are stored or served");
        return CompositeArchRule.of(nothingBelowKnowsTheResources).and(useCasesAnswerNoHttp)
                .and(queriesLiveInRepositories).and(domainKnowsNoLayer);
    }
}
