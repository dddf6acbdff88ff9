package org.fangfanpin.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.fangfanpin.spi.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of {@link ArchitectureRules} catches a class that breaks it and lets a clean one pass. */
class ArchitectureRulesTest {

  private static final String HERE = "org.fangfanpin.core.architecture..";

  @Test
  void catchesWritingToStandardOutOrError() {
    assertThat(violates(ArchitectureRules.NO_STANDARD_STREAMS, PrintsToStandardOut.class)).isTrue();
    assertThat(violates(ArchitectureRules.NO_STANDARD_STREAMS, PrintsToStandardError.class)).isTrue();
    assertThat(violates(ArchitectureRules.NO_STANDARD_STREAMS, Clean.class)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(classes = {InstantNow.class, LocalDateNow.class, LocalDateTimeNow.class, LocalDateNowInAZone.class,
      SystemUtcClock.class, SystemDefaultZoneClock.class, CurrentTimeMillis.class})
  void catchesReadingTheSystemClock(Class<?> fixture) {
    assertThat(violates(ArchitectureRules.NO_SYSTEM_CLOCK, fixture)).isTrue();
  }

  @Test
  void letsTimeComeFromAnInjectedClock() {
    assertThat(violates(ArchitectureRules.NO_SYSTEM_CLOCK, InjectedClock.class)).isFalse();
  }

  @Test
  void catchesRandomUuids() {
    assertThat(violates(ArchitectureRules.NO_RANDOM_UUID, RandomUuid.class)).isTrue();
    assertThat(violates(ArchitectureRules.NO_RANDOM_UUID, Clean.class)).isFalse();
  }

  @Test
  void catchesADependencyOutsideTheAllowList() {
    ArchRule onlyJava = ArchitectureRules.layerMayOnlyDependOn(HERE, "java..", HERE);

    assertThat(violates(onlyJava, UsesAssertJ.class)).isTrue();
    assertThat(violates(onlyJava, Clean.class)).isFalse();
  }

  @Test
  void catchesAForbiddenPackage() {
    ArchRule noJdbc = ArchitectureRules.layerMustNotTouch(HERE, "java.sql..");

    assertThat(violates(noJdbc, UsesJdbc.class)).isTrue();
    assertThat(violates(noJdbc, Clean.class)).isFalse();
  }

  @Test
  void catchesFloatingPointFields() {
    ArchRule exact = ArchitectureRules.noFloatingPointFieldsIn(HERE);

    assertThat(violates(exact, HoldsADouble.class)).isTrue();
    assertThat(violates(exact, HoldsFloats.class)).isTrue();
    assertThat(violates(exact, HoldsABoxedDouble.class)).isTrue();
    assertThat(violates(exact, Clean.class)).isFalse();
  }

  private static final JavaClasses FIXTURES = new ClassFileImporter().importClasses(Clean.class,
      PrintsToStandardOut.class, PrintsToStandardError.class, InstantNow.class, LocalDateNow.class,
      LocalDateTimeNow.class, LocalDateNowInAZone.class, SystemUtcClock.class, SystemDefaultZoneClock.class,
      CurrentTimeMillis.class, InjectedClock.class, RandomUuid.class, UsesAssertJ.class, UsesJdbc.class,
      HoldsADouble.class, HoldsFloats.class, HoldsABoxedDouble.class);

  /** Checks the rule against the one fixture class alone. */
  private static boolean violates(ArchRule rule, Class<?> fixture) {
    return rule.evaluate(FIXTURES.that(JavaClass.Predicates.equivalentTo(fixture))).hasViolation();
  }

  static final class Clean {
    long fen;

    long twice() {
      return Math.multiplyExact(fen, 2);
    }
  }

  static final class PrintsToStandardOut {
    void report() {
      System.out.println("report");
    }
  }

  static final class PrintsToStandardError {
    void report() {
      System.err.println("report");
    }
  }

  static final class InstantNow {
    Instant now() {
      return Instant.now();
    }
  }

  static final class LocalDateNow {
    LocalDate today() {
      return LocalDate.now();
    }
  }

  static final class LocalDateTimeNow {
    LocalDateTime now() {
      return LocalDateTime.now();
    }
  }

  static final class LocalDateNowInAZone {
    LocalDate today() {
      return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
  }

  static final class SystemUtcClock {
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  static final class SystemDefaultZoneClock {
    Clock clock() {
      return Clock.systemDefaultZone();
    }
  }

  static final class CurrentTimeMillis {
    long now() {
      return System.currentTimeMillis();
    }
  }

  static final class InjectedClock {
    LocalDate today(Clock clock) {
      return LocalDate.now(clock);
    }

    Instant now(Clock clock) {
      return Instant.now(clock);
    }
  }

  static final class RandomUuid {
    UUID id() {
      return UUID.randomUUID();
    }
  }

  static final class UsesAssertJ {
    void check() {
      assertThat(1).isOne();
    }
  }

  static final class UsesJdbc {
    java.sql.Connection connection;
  }

  static final class HoldsADouble {
    double share;
  }

  static final class HoldsFloats {
    float[] shares;
  }

  static final class HoldsABoxedDouble {
    Double share;
  }
}
