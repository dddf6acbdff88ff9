package org.fangfanpin.adapters.inmemory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.fangfanpin.spi.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The in-memory adapter depends only on the JDK, slf4j's API and the spi; it prints nothing, reads
 * no clock, makes no random ids, and shows only its two adapters to the world.
 */
class ArchitectureTest {

  private static final JavaClasses ADAPTER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ArchitectureRules.DO_NOT_INCLUDE_TEST_JARS)
      .importPackages("org.fangfanpin.adapters.inmemory");

  @Test
  void dependsOnlyOnTheJdkSlf4jAndTheSpi() {
    ArchitectureRules.layerMayOnlyDependOn("org.fangfanpin.adapters.inmemory..",
        "java..", "org.slf4j..", "org.fangfanpin.spi..", "org.fangfanpin.adapters.inmemory..").check(ADAPTER);
  }

  @Test
  void neitherPrintsNorReadsTheClockNorMakesRandomIds() {
    ArchitectureRules.NO_STANDARD_STREAMS.check(ADAPTER);
    ArchitectureRules.NO_SYSTEM_CLOCK.check(ADAPTER);
    ArchitectureRules.NO_RANDOM_UUID.check(ADAPTER);
    ArchitectureRules.NO_LOGGING_BINDING.check(ADAPTER);
  }

  @Test
  void showsOnlyTheStoreAndTheIdSource() {
    classes().that().arePublic().and().areTopLevelClasses()
        .should().haveSimpleName("InMemoryStore").orShould().haveSimpleName("InMemoryIdSource")
        .check(ADAPTER);
    classes().that().haveSimpleName("InMemoryStore").or().haveSimpleName("InMemoryIdSource")
        .should().haveModifier(JavaModifier.FINAL)
        .check(ADAPTER);
  }
}
