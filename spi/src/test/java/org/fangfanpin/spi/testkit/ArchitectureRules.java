package org.fangfanpin.spi.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/**
 * ArchUnit rules (架构规则) that every module of fangfanpin and every integrator's adapter can
 * check its own classes against: no console output, no ambient clock or random ids, no logging
 * binding, and allow-lists of dependencies.
 *
 * <p>The constant rules apply to whatever classes they are checked against, so import only the
 * library's own main classes, e.g.
 * <pre>{@code
 * JavaClasses mine = new ClassFileImporter()
 *     .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
 *     .withImportOption(ArchitectureRules.DO_NOT_INCLUDE_TEST_JARS)
 *     .importPackages("com.example.adapter");
 * ArchitectureRules.NO_STANDARD_STREAMS.check(mine);
 * }</pre>
 */
public final class ArchitectureRules {

  /** Leaves out the classes of {@code *-tests.jar} archives, such as this test kit. */
  public static final ImportOption DO_NOT_INCLUDE_TEST_JARS = new DoNotIncludeTestJars();

  /** The packages of slf4j bindings: a library never depends on one, the host picks it. */
  public static final List<String> LOGGING_BINDING_PACKAGES =
      List.of("org.slf4j.simple..", "org.slf4j.impl..", "org.slf4j.nop..");

  /** No class writes to {@code System.out} or {@code System.err}; a library logs through slf4j. */
  public static final ArchRule NO_STANDARD_STREAMS = noClasses()
      .should().accessField(System.class, "out")
      .orShould().accessField(System.class, "err")
      .because("a library logs through slf4j at a level an operator chooses, never to the console");

  /**
   * No class reads the system clock: no {@code now()} of {@code java.time} without a
   * {@code Clock}, no {@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()},
   * {@code Clock.system(zone)} and no {@code System.currentTimeMillis()}.
   */
  public static final ArchRule NO_SYSTEM_CLOCK = noClasses()
      .should().callMethodWhere(readsTheSystemClock())
      .because("time comes from an injected java.time.Clock, so every run is reproducible");

  /** No class creates random ids with {@code UUID.randomUUID()}. */
  public static final ArchRule NO_RANDOM_UUID = noClasses()
      .should().callMethod(java.util.UUID.class, "randomUUID")
      .because("ids come from a port, so every run is reproducible from a seed");

  /** No class depends on an slf4j binding. */
  public static final ArchRule NO_LOGGING_BINDING = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(LOGGING_BINDING_PACKAGES.toArray(String[]::new))
      .because("the host chooses the logging binding");

  private static final Set<String> CLOCK_READING_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
      "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");
  private static final Set<String> SYSTEM_CLOCKS = Set.of("systemUTC", "systemDefaultZone", "system");
  private static final Set<String> FLOATING_POINT =
      Set.of("double", "float", "java.lang.Double", "java.lang.Float");

  private ArchitectureRules() {}

  /**
   * The classes of {@code layer} may depend only on classes of the {@code allowed} packages, and
   * never on an slf4j binding even when {@code org.slf4j..} is allowed.
   *
   * @param layer an ArchUnit package pattern such as {@code "org.fangfanpin.spi.."}
   * @param allowed ArchUnit package patterns such as {@code "java.."}
   */
  public static ArchRule layerMayOnlyDependOn(String layer, String... allowed) {
    return classes().that().resideInAPackage(layer)
        .should().onlyDependOnClassesThat(resideInAnyPackage(allowed)
            .and(not(resideInAnyPackage(LOGGING_BINDING_PACKAGES.toArray(String[]::new)))
                .as("not an slf4j binding")))
        .as("classes in " + layer + " depend only on " + String.join(", ", allowed) + ", never a logging binding");
  }

  /**
   * No class of {@code layer} depends on a class of the {@code forbidden} packages.
   *
   * @param layer an ArchUnit package pattern
   * @param forbidden ArchUnit package patterns
   */
  public static ArchRule layerMustNotTouch(String layer, String... forbidden) {
    return noClasses().that().resideInAPackage(layer)
        .should().dependOnClassesThat().resideInAnyPackage(forbidden);
  }

  /**
   * No field of a class of {@code valuePackage} holds a {@code double}, {@code float}, their
   * boxes or arrays of them: money and ratios are exact.
   *
   * @param valuePackage an ArchUnit package pattern such as {@code "org.fangfanpin.spi.model.."}
   */
  public static ArchRule noFloatingPointFieldsIn(String valuePackage) {
    return noFields().that().areDeclaredInClassesThat().resideInAPackage(valuePackage)
        .should().haveRawType(DescribedPredicate.describe("a floating-point type", ArchitectureRules::isFloatingPoint))
        .because("money is whole fen in a long and ratios are basis points (DOMAIN.md invariant 7)");
  }

  private static boolean isFloatingPoint(JavaClass type) {
    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
    return FLOATING_POINT.contains(base.getName());
  }

  private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
    return DescribedPredicate.describe("reads the system clock", call -> {
      String owner = call.getTargetOwner().getName();
      String name = call.getName();
      List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
      boolean nowWithoutClock = CLOCK_READING_TYPES.contains(owner) && name.equals("now")
          && !(parameters.size() == 1 && parameters.get(0).isEquivalentTo(java.time.Clock.class));
      boolean systemClock = owner.equals("java.time.Clock") && SYSTEM_CLOCKS.contains(name);
      boolean currentTimeMillis = owner.equals("java.lang.System") && name.equals("currentTimeMillis");
      return nowWithoutClock || systemClock || currentTimeMillis;
    });
  }

  private static final class DoNotIncludeTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }
}
