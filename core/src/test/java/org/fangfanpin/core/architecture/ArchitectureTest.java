package org.fangfanpin.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md, checked on the main classes of {@code spi} and {@code core}:
 * each layer uses only its allow-list, nothing reaches a database or an adapter, nothing prints,
 * reads the clock or makes random ids, and the model holds no floating-point figure.
 */
class ArchitectureTest {

  static final String[] SPI_MAY_USE = {"java..", "io.vavr..", "org.immutables..", "org.slf4j..", "org.fangfanpin.spi.."};
  static final String[] CORE_MAY_USE =
      {"java..", "io.vavr..", "org.immutables..", "org.slf4j..", "org.fangfanpin.spi..", "org.fangfanpin.core.."};
  static final String[] NEVER = {"java.sql..", "javax.sql..", "org.fangfanpin.adapters.."};

  static final ArchRule SPI_DEPENDS_ONLY_ON_ITS_ALLOW_LIST =
      ArchitectureRules.layerMayOnlyDependOn("org.fangfanpin.spi..", SPI_MAY_USE);
  static final ArchRule CORE_DEPENDS_ONLY_ON_ITS_ALLOW_LIST =
      ArchitectureRules.layerMayOnlyDependOn("org.fangfanpin.core..", CORE_MAY_USE);
  static final ArchRule SPI_TOUCHES_NO_DATABASE_NOR_ADAPTER =
      ArchitectureRules.layerMustNotTouch("org.fangfanpin.spi..", NEVER);
  static final ArchRule CORE_TOUCHES_NO_DATABASE_NOR_ADAPTER =
      ArchitectureRules.layerMustNotTouch("org.fangfanpin.core..", NEVER);
  static final ArchRule MODEL_HOLDS_NO_FLOATING_POINT =
      ArchitectureRules.noFloatingPointFieldsIn("org.fangfanpin.spi.model..");

  private static final JavaClasses LIBRARY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ArchitectureRules.DO_NOT_INCLUDE_TEST_JARS)
      .importPackages("org.fangfanpin.spi", "org.fangfanpin.core");

  @Test
  void importsTheMainClassesOfBothModulesAndNoTestClass() {
    assertThat(LIBRARY.contain(Household.class)).isTrue();
    assertThat(LIBRARY.contain(HouseholdAssessor.class)).isTrue();
    assertThat(LIBRARY).noneMatch(c -> c.getPackageName().startsWith("org.fangfanpin.spi.testkit")
        || c.getPackageName().startsWith("org.fangfanpin.core.architecture"));
  }

  @Test
  void spiDependsOnlyOnTheJdkVavrImmutablesAndSlf4jApi() {
    SPI_DEPENDS_ONLY_ON_ITS_ALLOW_LIST.check(LIBRARY);
  }

  @Test
  void coreDependsOnlyOnSpiAndTheSameLibraries() {
    CORE_DEPENDS_ONLY_ON_ITS_ALLOW_LIST.check(LIBRARY);
  }

  @Test
  void neitherLayerTouchesJdbcNorAnAdapter() {
    SPI_TOUCHES_NO_DATABASE_NOR_ADAPTER.check(LIBRARY);
    CORE_TOUCHES_NO_DATABASE_NOR_ADAPTER.check(LIBRARY);
  }

  @Test
  void noLibraryClassDependsOnALoggingBinding() {
    ArchitectureRules.NO_LOGGING_BINDING.check(LIBRARY);
  }

  @Test
  void noLibraryClassWritesToTheConsole() {
    ArchitectureRules.NO_STANDARD_STREAMS.check(LIBRARY);
  }

  @Test
  void noLibraryClassReadsTheSystemClock() {
    ArchitectureRules.NO_SYSTEM_CLOCK.check(LIBRARY);
  }

  @Test
  void noLibraryClassMakesRandomIds() {
    ArchitectureRules.NO_RANDOM_UUID.check(LIBRARY);
  }

  @Test
  void modelValuesHoldNoFloatingPointField() {
    MODEL_HOLDS_NO_FLOATING_POINT.check(LIBRARY);
  }
}
