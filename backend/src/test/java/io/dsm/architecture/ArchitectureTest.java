package io.dsm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules of the package layout (see docs/architecture.md): each top-level package of io.dsm is a
 * domain, domains depend on each other in one direction only, and a domain reads another's data
 * through a port that the other owns, as values: never through its repository, its JPA-mapped classes
 * or its {@code api} package (the resources and the bodies only they use).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = MainClasses.MAIN;

    @Test
    void domainPackagesHaveNoCycles() {
        slices().matching("io.dsm.(*)..").namingSlices("io.dsm.$1").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void repositoriesAreUsedOnlyWithinTheirOwnDomain() {
        classes().that().haveSimpleNameEndingWith("Repository").should(beUsedOnlyWithinTheirDomain()).check(MAIN);
    }

    @Test
    void jpaMappedClassesAreUsedOnlyWithinTheirOwnDomain() {
        classes().that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(Embeddable.class)
                .should(beUsedOnlyWithinTheirDomain()).check(MAIN);
    }

    @Test
    void apiPackagesAreUsedOnlyWithinTheirOwnDomain() {
        classes().that(resideInTheApiPackageOfADomain()).should(beUsedOnlyWithinTheirDomain()).check(MAIN);
    }

    /** io.dsm.connection.api and below; not io.dsm.api, the domain that finishes the OpenAPI document. */
    private static DescribedPredicate<JavaClass> resideInTheApiPackageOfADomain() {
        return DescribedPredicate.describe("reside in the api package of a domain", type -> {
            String[] parts = type.getPackageName().split("\\.");
            return parts.length > 3 && parts[3].equals("api");
        });
    }

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirDomain() {
        return new ArchCondition<>("be used only within their own domain") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String domain = domainOf(repository);
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    if (!domainOf(dependency.getOriginClass()).equals(domain)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code datasource} for io.dsm.datasource.service.DataSourceRepository. */
    private static String domainOf(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
