package dk.mitforlob;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the code, kept by tests rather than by good intentions. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.mitforlob");

    /** Feature code that is neither an HTTP service (and its DTOs) nor a Mongo repository. */
    private static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>(
            "domain classes of a feature (not *Service, not Mongo*)") {
        @Override
        public boolean test(JavaClass type) {
            String pkg = type.getPackageName();
            if (!pkg.startsWith("dk.mitforlob.") || pkg.startsWith("dk.mitforlob.platform")
                    || pkg.startsWith("dk.mitforlob.demo")) {
                return false;
            }
            JavaClass outer = type;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            String name = outer.getSimpleName();
            return !name.endsWith("Service") && !name.startsWith("Mongo") && !pkg.equals("dk.mitforlob");
        }
    };

    @Test
    void domain_code_imports_neither_helidon_nor_mongodb() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "com.mongodb..", "org.bson..")
                .check(MAIN);
    }

    @Test
    void the_platform_knows_no_feature() {
        noClasses().that().resideInAPackage("dk.mitforlob.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dk.mitforlob.citizen..", "dk.mitforlob.plan..",
                        "dk.mitforlob.inbox..", "dk.mitforlob.hours..", "dk.mitforlob.wishes..", "dk.mitforlob.evaluation..",
                        "dk.mitforlob.demo..")
                .check(MAIN);
    }

    @Test
    void only_demo_mode_can_mint_tokens() {
        noClasses().that().resideOutsideOfPackage("dk.mitforlob.demo..")
                .should().dependOnClassesThat().resideInAPackage("no.nav.security..")
                .check(MAIN);
    }

    @Test
    void nothing_outside_demo_mode_refers_to_it_so_the_production_image_can_leave_it_out() {
        // the application finds demo mode through DemoModeSeam and ServiceLoader only
        noClasses().that().resideOutsideOfPackage("dk.mitforlob.demo..")
                .should().dependOnClassesThat().resideInAPackage("dk.mitforlob.demo..")
                .check(MAIN);
    }

    @Test
    void time_comes_from_the_injected_clock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .check(MAIN);
    }
}
