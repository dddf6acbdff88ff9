package org.fangfanpin.examples.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterGeneratorTest {

  /** The shipped sample: this seed's 9 faulty rows of 300 show 7 different faults. */
  static final Path SAMPLE = Path.of("data", "danfeng-register.csv");
  static final long SAMPLE_SEED = 611_094;
  static final int SAMPLE_HOUSEHOLDS = 300;
  static final int SAMPLE_INVALID_PER_MILLE = 30;

  @TempDir
  Path dir;

  private static String generate(long seed, int invalidPerMille, long households) {
    StringWriter out = new StringWriter();
    try {
      new RegisterGenerator(seed, invalidPerMille).write(households, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private record Read(List<Household> households, List<RegisterRow.Rejected> rejected) {}

  private Read read(String csv) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "generated", ".csv"), csv, StandardCharsets.UTF_8);
    List<Household> households = new ArrayList<>();
    List<RegisterRow.Rejected> rejected = new ArrayList<>();
    try (RegisterReader reader = RegisterReader.open(file)) {
      while (reader.hasNext()) {
        RegisterRow row = reader.next();
        if (row instanceof RegisterRow.Accepted accepted) {
          households.add(accepted.household());
        } else {
          rejected.add((RegisterRow.Rejected) row);
        }
      }
    }
    return new Read(households, rejected);
  }

  @Test
  void theShippedSampleRegisterIsExactlyTheGeneratorsOutputForItsSeed() throws IOException {
    String expected = generate(SAMPLE_SEED, SAMPLE_INVALID_PER_MILLE, SAMPLE_HOUSEHOLDS);

    assertThat(Files.readString(SAMPLE, StandardCharsets.UTF_8))
        .as("regenerate with: java -jar examples/target/fangfanpin.jar generate-register --households %d"
            + " --seed %d --invalid-per-mille %d --output examples/data/danfeng-register.csv",
            SAMPLE_HOUSEHOLDS, SAMPLE_SEED, SAMPLE_INVALID_PER_MILLE)
        .isEqualTo(expected);
  }

  @Test
  void theSameSeedGivesTheSameRegisterAndAnotherSeedAnother() {
    assertThat(generate(7, 20, 500)).isEqualTo(generate(7, 20, 500));
    assertThat(generate(7, 20, 500)).isNotEqualTo(generate(8, 20, 500));
  }

  @Test
  void writesAHeaderAndOneLfTerminatedLinePerHousehold() {
    String csv = generate(3, 0, 25);

    assertThat(csv).endsWith("\n").doesNotContain("\r");
    assertThat(csv.split("\n")).hasSize(26);
    assertThat(csv).startsWith("household_id,area_code,status,members,workers,students_senior,disabled,"
        + "seriously_ill,annual_net_income_yuan,previous_year_income_yuan,rigid_expenditure_yuan,"
        + "food_clothing_secure,education_secure,medical_secure,housing_secure,water_secure,dibao,tekun,"
        + "head_id_number\n");
  }

  @Test
  void withoutFaultsEveryRowIsAValidHousehold() throws IOException {
    Read read = read(generate(11, 0, 3_000));

    assertThat(read.rejected()).isEmpty();
    assertThat(read.households()).hasSize(3_000);
  }

  @Test
  void exactlyTheFaultyRowsAreRejected() throws IOException {
    StringWriter out = new StringWriter();
    RegisterGenerator.Summary summary = new RegisterGenerator(12, 100).write(5_000, out);

    Read read = read(out.toString());

    assertThat(summary.faultyRows()).isBetween(400L, 600L);
    assertThat(read.rejected()).hasSize((int) summary.faultyRows());
    assertThat(read.households()).hasSize(5_000 - (int) summary.faultyRows());
    assertThat(read.rejected()).allSatisfy(row -> assertThat(row.problems()).hasSize(1));
  }

  @Test
  void injectsEveryKindOfFaultTheIssueNames() throws IOException {
    Read read = read(generate(13, 1_000, 2_000));

    Set<String> codes = new HashSet<>();
    read.rejected().forEach(row -> row.problems().forEach(p -> codes.add(p.code())));
    assertThat(read.households()).isEmpty();
    assertThat(codes).contains("resident_id.check_digit", "workers.range", "money.negative", "money.precision",
        "area_code.not_village", "household_id.duplicate", "boolean.format",
        "household_id.missing", "area_code.missing", "integer.missing", "money.missing", "boolean.missing",
        "status.missing", "resident_id.missing");
  }

  @Test
  void householdsLookLikeThoseOfDanfengCounty() throws IOException {
    List<Household> households = read(generate(1, 0, 20_000)).households();

    Set<String> villages = new HashSet<>();
    Set<String> townships = new HashSet<>();
    long lifted = 0;
    long belowLine = 0;
    long dibao = 0;
    long tekun = 0;
    long unmet = 0;
    long expenditureAboveLastYear = 0;
    for (Household h : households) {
      assertThat(h.area().level()).isEqualTo(AreaLevel.VILLAGE);
      assertThat(h.area().code()).startsWith("611022");
      assertThat(h.head().region()).isEqualTo("611022");
      assertThat(h.memberCount()).isBetween(1, 7);
      villages.add(h.area().code());
      townships.add(h.area().parent().get().code());
      lifted += h.status() == HouseholdStatus.LIFTED ? 1 : 0;
      belowLine += h.incomeLast12Months().isLessThan(Money.ofYuan(6_000).times(h.memberCount())) ? 1 : 0;
      dibao += h.has(FocusFlag.DIBAO) ? 1 : 0;
      tekun += h.has(FocusFlag.TEKUN) ? 1 : 0;
      unmet += h.unmetNeeds().isEmpty() ? 0 : 1;
      expenditureAboveLastYear += h.rigidExpenditure().isGreaterThan(h.previousYearIncome()) ? 1 : 0;
    }
    assertThat(villages).hasSize(156);
    assertThat(townships).hasSize(12).contains("611022100000", "611022111000");
    assertThat(lifted).isBetween(5_400L, 6_600L);
    assertThat(belowLine).isBetween(200L, 2_000L);
    assertThat(dibao).isBetween(600L, 3_000L);
    assertThat(tekun).isBetween(20L, 600L);
    assertThat(unmet).isBetween(50L, 600L);
    assertThat(expenditureAboveLastYear).isPositive();
    assertThat(households).anySatisfy(h -> assertThat(h.unmetNeeds()).contains(BasicNeed.SAFE_DRINKING_WATER));
  }

  @Test
  void refusesAShareOfFaultyRowsOutsideZeroToAThousand() {
    assertThatThrownBy(() -> new RegisterGenerator(1, 1_001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegisterGenerator(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatesTheHouseholdsThatWriteWritesForTheSeedWithoutFaults() throws IOException {
    List<Household> generated = new ArrayList<>();
    new RegisterGenerator(77, 0).generate(400, generated::add);

    assertThat(generated).isEqualTo(read(generate(77, 0, 400)).households());
  }

  @Test
  void knowsTheCountysTownships() {
    assertThat(DanfengCounty.townshipCount()).isEqualTo(12);
    int villages = 0;
    for (int v = 0; v < DanfengCounty.villageCount(); v++) {
      int t = DanfengCounty.townshipIndexOfVillage(v);
      assertThat(DanfengCounty.townshipOf(DanfengCounty.village(v))).isEqualTo(DanfengCounty.township(t));
      villages++;
    }
    assertThat(villages).isEqualTo(156);
    assertThat(DanfengCounty.townshipName(0)).isEqualTo("龙驹寨街道");
  }
}
