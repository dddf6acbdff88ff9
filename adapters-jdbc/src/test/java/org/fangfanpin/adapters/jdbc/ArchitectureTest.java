package org.fangfanpin.adapters.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.fangfanpin.spi.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The JDBC adapter (关系数据库适配器) depends only on the JDK (with {@code javax.sql}), slf4j's API, the
 * spi, Flyway and Jackson (for its JSON documents); it prints nothing, reads no clock, makes no
 * random ids, and shows only its store to the world.
 */
class ArchitectureTest {

  private static final JavaClasses ADAPTER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ArchitectureRules.DO_NOT_INCLUDE_TEST_JARS)
      .importPackages("org.fangfanpin.adapters.jdbc");

  @Test
  void dependsOnlyOnTheJdkSlf4jTheSpiFlywayAndJackson() {
    ArchitectureRules.layerMayOnlyDependOn("org.fangfanpin.adapters.jdbc..",
        "java..", "javax.sql..", "org.slf4j..", "org.fangfanpin.spi..", "org.flywaydb.core..",
        "com.fasterxml.jackson..", "org.fangfanpin.adapters.jdbc..").check(ADAPTER);
  }

  @Test
  void neitherPrintsNorReadsTheClockNorMakesRandomIds() {
    ArchitectureRules.NO_STANDARD_STREAMS.check(ADAPTER);
    ArchitectureRules.NO_SYSTEM_CLOCK.check(ADAPTER);
    ArchitectureRules.NO_RANDOM_UUID.check(ADAPTER);
    ArchitectureRules.NO_LOGGING_BINDING.check(ADAPTER);
  }

  @Test
  void showsOnlyTheStore() {
    classes().that().arePublic().and().areTopLevelClasses()
        .should().haveSimpleName("JdbcStore")
        .check(ADAPTER);
    classes().that().haveSimpleName("JdbcStore").should().haveModifier(JavaModifier.FINAL).check(ADAPTER);
  }
}
