package org.fangfanpin.examples.register;

import static org.fangfanpin.examples.register.RegisterColumn.ANNUAL_NET_INCOME_YUAN;
import static org.fangfanpin.examples.register.RegisterColumn.AREA_CODE;
import static org.fangfanpin.examples.register.RegisterColumn.DIBAO;
import static org.fangfanpin.examples.register.RegisterColumn.DISABLED;
import static org.fangfanpin.examples.register.RegisterColumn.EDUCATION_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.FOOD_CLOTHING_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.HEAD_ID_NUMBER;
import static org.fangfanpin.examples.register.RegisterColumn.HOUSEHOLD_ID;
import static org.fangfanpin.examples.register.RegisterColumn.HOUSING_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.MEDICAL_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.MEMBERS;
import static org.fangfanpin.examples.register.RegisterColumn.PREVIOUS_YEAR_INCOME_YUAN;
import static org.fangfanpin.examples.register.RegisterColumn.RIGID_EXPENDITURE_YUAN;
import static org.fangfanpin.examples.register.RegisterColumn.SERIOUSLY_ILL;
import static org.fangfanpin.examples.register.RegisterColumn.STATUS;
import static org.fangfanpin.examples.register.RegisterColumn.STUDENTS_SENIOR;
import static org.fangfanpin.examples.register.RegisterColumn.TEKUN;
import static org.fangfanpin.examples.register.RegisterColumn.WATER_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.WORKERS;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.ResidentId;

/**
 * Writes a made-up but plausible household register (模拟户登记表) of Danfeng county, Shaanxi, as
 * CSV: about 30% lifted households, 1 to 7 members, most incomes well above the monitoring line
 * and a share below it, some large rigid expenditures, a few unmet basic needs, 低保 and 特困 at
 * rural rates, and head ID numbers with valid check characters.
 *
 * <p>The same seed gives the same file byte for byte on every JVM: only integer arithmetic on a
 * {@link SplittableRandom} decides the figures. Rows are written as they are made, so a million
 * rows need no more memory than one. On request, a share of rows carries one realistic fault each
 * (a wrong check character, more workers than members, a negative or 3-decimal amount, an empty
 * cell, a township instead of a village, a repeated household id, {@code yes} for {@code true}),
 * so every faulty row is rejected by {@link RegisterReader} and no other row is.
 */
public final class RegisterGenerator {

  /** The largest share of faulty rows, per mille: every row. */
  public static final int MAX_INVALID_PER_MILLE = 1000;

  /**
   * How many rows were written.
   *
   * @param households the data rows written
   * @param faultyRows the rows that carry a fault
   */
  public record Summary(long households, long faultyRows) {}

  /** Share of lifted households (脱贫户), per cent. */
  private static final int LIFTED_PERCENT = 30;
  /** Households of 1 to 7 members, per mille. */
  private static final int[] MEMBER_WEIGHTS = {80, 200, 220, 240, 150, 80, 30};
  /** Median per-capita net income in yuan: lifted households earn less. */
  private static final int LIFTED_MEDIAN_YUAN = 13_000;
  private static final int ORDINARY_MEDIAN_YUAN = 16_000;
  /**
   * Per-capita income as a multiple of the median, in basis points, at cumulative shares in basis
   * points: a log-normal spread (σ = 0.4) tabulated so that no floating point decides a figure.
   */
  private static final int[][] INCOME_QUANTILES = {
      {0, 2_900}, {100, 3_940}, {500, 5_180}, {1_000, 5_990}, {2_000, 7_140}, {3_000, 8_110},
      {4_000, 9_040}, {5_000, 10_000}, {6_000, 11_060}, {7_000, 12_330}, {8_000, 14_000},
      {9_000, 16_700}, {9_500, 19_300}, {9_900, 25_400}, {10_000, 32_000}};
  private static final int FIRST_BIRTH_YEAR = 1943;
  private static final int BIRTH_YEARS = 55;

  private static final int FAULT_KINDS = 7;
  private static final int BAD_CHECK_CHARACTER = 0;
  private static final int WORKERS_OVER_MEMBERS = 1;
  private static final int BAD_AMOUNT = 2;
  private static final int EMPTY_CELL = 3;
  private static final int NOT_A_VILLAGE = 4;
  private static final int REPEATED_ID = 5;
  private static final int YES_FOR_TRUE = 6;
  private static final RegisterColumn[] AMOUNTS = {ANNUAL_NET_INCOME_YUAN, PREVIOUS_YEAR_INCOME_YUAN,
      RIGID_EXPENDITURE_YUAN};
  private static final RegisterColumn[] NEEDS = {FOOD_CLOTHING_SECURE, EDUCATION_SECURE, MEDICAL_SECURE,
      HOUSING_SECURE, WATER_SECURE};
  /** Chance per 100,000 that each need of {@link #NEEDS} is unmet. */
  private static final int[] UNMET_PER_100K = {100, 200, 300, 400, 500};

  private final SplittableRandom random;
  private final int invalidPerMille;
  private final String[] cells = new String[RegisterColumn.ALL.length];
  private final StringBuilder line = new StringBuilder(256);
  private String previousId = "";

  /**
   * A generator for one seed.
   *
   * @param seed the seed; the same seed gives the same register
   * @param invalidPerMille rows per thousand that carry a fault, 0 to 1000
   */
  public RegisterGenerator(long seed, int invalidPerMille) {
    if (invalidPerMille < 0 || invalidPerMille > MAX_INVALID_PER_MILLE) {
      throw new IllegalArgumentException("invalidPerMille must lie between 0 and 1000: " + invalidPerMille);
    }
    this.random = new SplittableRandom(seed);
    this.invalidPerMille = invalidPerMille;
  }

  /**
   * Writes the header and {@code households} rows, LF-terminated. The writer is neither flushed nor
   * closed; give it a buffer.
   *
   * @param households the number of data rows
   * @param out where the CSV goes
   */
  public Summary write(long households, Writer out) throws IOException {
    if (households < 0) {
      throw new IllegalArgumentException("households cannot be negative: " + households);
    }
    for (RegisterColumn column : RegisterColumn.ALL) {
      cells[column.ordinal()] = column.header();
    }
    writeLine(out);
    long faulty = 0;
    for (long i = 1; i <= households; i++) {
      fillHousehold(i);
      if (random.nextInt(MAX_INVALID_PER_MILLE) < invalidPerMille) {
        injectFault();
        faulty++;
      }
      previousId = cells[HOUSEHOLD_ID.ordinal()];
      writeLine(out);
    }
    return new Summary(households, faulty);
  }

  /**
   * Makes the same households {@link #write} would write for this seed with no faulty rows, and
   * hands each to {@code sink} as it is made, in register order: the county simulation's register.
   *
   * @param households the number of households
   * @param sink receives each household
   */
  public void generate(long households, Consumer<Household> sink) {
    if (households < 0) {
      throw new IllegalArgumentException("households cannot be negative: " + households);
    }
    RowValidator validator = new RowValidator();
    for (long i = 1; i <= households; i++) {
      fillHousehold(i);
      // Drawn as write() draws it, so both give the same households for a seed.
      random.nextInt(MAX_INVALID_PER_MILLE);
      RegisterRow row = validator.validate((int) Math.min(i, Integer.MAX_VALUE), cells);
      if (row instanceof RegisterRow.Accepted accepted) {
        sink.accept(accepted.household());
      } else {
        throw new IllegalStateException("the generator made a household the register refuses: row " + i);
      }
    }
  }

  private void fillHousehold(long sequence) {
    String village = DanfengCounty.village(random.nextInt(DanfengCounty.villageCount()));
    boolean lifted = random.nextInt(100) < LIFTED_PERCENT;
    int members = pick(MEMBER_WEIGHTS) + 1;
    int workers = 0;
    for (int m = 0; m < members; m++) {
      workers += random.nextInt(100) < (lifted ? 52 : 60) ? 1 : 0;
    }
    int students = members >= 3 ? chance(5, 22, 2) : members == 2 ? chance(0, 5, 1) : 0;
    int disabled = Math.min(members, chance(1, lifted ? 14 : 8, 2));
    int ill = Math.min(members, chance(1, lifted ? 9 : 6, 2));

    long perCapitaFen = (long) (lifted ? LIFTED_MEDIAN_YUAN : ORDINARY_MEDIAN_YUAN) * 100
        * incomeFactorBp() / 10_000;
    if (workers == 0) {
      // Pensions and transfers only.
      perCapitaFen = perCapitaFen * 65 / 100;
    }
    for (int k = 0; k < disabled + ill; k++) {
      perCapitaFen = perCapitaFen * 90 / 100;
    }
    long income = roughly(perCapitaFen * members);
    long previous = random.nextInt(100) < 4
        ? roughly(income * between(220, 350) / 100)
        : roughly(income * between(88, 112) / 100);
    long rigid = rigidExpenditureYuan(ill, students) * 100;
    boolean dibao = random.nextInt(100) < (perCapitaFen < 720_000 ? 50 : lifted ? 14 : 3);
    boolean tekun = members == 1 && workers == 0 ? random.nextInt(100) < 30 : random.nextInt(1_000) < 2;

    set(HOUSEHOLD_ID, village + padded(sequence, 8));
    set(AREA_CODE, village);
    set(STATUS, lifted ? "LIFTED" : "ORDINARY");
    set(MEMBERS, Integer.toString(members));
    set(WORKERS, Integer.toString(workers));
    set(STUDENTS_SENIOR, Integer.toString(students));
    set(DISABLED, Integer.toString(disabled));
    set(SERIOUSLY_ILL, Integer.toString(ill));
    set(ANNUAL_NET_INCOME_YUAN, yuan(income));
    set(PREVIOUS_YEAR_INCOME_YUAN, yuan(previous));
    set(RIGID_EXPENDITURE_YUAN, yuan(rigid));
    for (int n = 0; n < NEEDS.length; n++) {
      set(NEEDS[n], random.nextInt(100_000) < UNMET_PER_100K[n] ? "false" : "true");
    }
    set(DIBAO, Boolean.toString(dibao));
    set(TEKUN, Boolean.toString(tekun));
    set(HEAD_ID_NUMBER, headIdNumber());
  }

  private long rigidExpenditureYuan(int ill, int students) {
    int r = random.nextInt(100);
    long yuan;
    if (ill > 0) {
      yuan = r < 30 ? between(8_000, 60_000) : between(1_000, 8_000);
    } else if (r < 70) {
      yuan = 0;
    } else if (r < 92) {
      yuan = between(200, 3_000);
    } else if (r < 98) {
      yuan = between(3_000, 15_000);
    } else {
      // Accidents and disasters.
      yuan = between(15_000, 80_000);
    }
    for (int s = 0; s < students; s++) {
      yuan += between(2_000, 6_000);
    }
    return yuan;
  }

  /** A head of household aged about 28 to 82, of the county, more often a man (odd 17th digit). */
  private String headIdNumber() {
    int year = FIRST_BIRTH_YEAR + random.nextInt(BIRTH_YEARS);
    LocalDate birth = LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    int order = random.nextInt(100);
    int sex = random.nextInt(100) < 88 ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5);
    StringBuilder id = new StringBuilder(18)
        .append(DanfengCounty.REGION)
        .append(year)
        .append(padded(birth.getMonthValue(), 2))
        .append(padded(birth.getDayOfMonth(), 2))
        .append(padded(order, 2))
        .append(sex);
    return id.append(ResidentId.checkCharacter(id)).toString();
  }

  private void injectFault() {
    int kind = random.nextInt(FAULT_KINDS);
    if (kind == REPEATED_ID && previousId.isEmpty()) {
      kind = BAD_CHECK_CHARACTER;
    }
    switch (kind) {
      case BAD_CHECK_CHARACTER -> {
        String id = cells[HEAD_ID_NUMBER.ordinal()];
        char wrong = "0123456789X".charAt(("0123456789X".indexOf(id.charAt(17)) + 1 + random.nextInt(10)) % 11);
        set(HEAD_ID_NUMBER, id.substring(0, 17) + wrong);
      }
      case WORKERS_OVER_MEMBERS -> set(WORKERS,
          Integer.toString(Integer.parseInt(cells[MEMBERS.ordinal()]) + 1 + random.nextInt(2)));
      case BAD_AMOUNT -> {
        RegisterColumn column = AMOUNTS[random.nextInt(AMOUNTS.length)];
        String amount = cells[column.ordinal()];
        set(column, random.nextBoolean()
            ? "-" + (amount.equals("0") ? "350" : amount)
            : wholeYuan(amount) + "." + padded(1 + random.nextInt(999), 3));
      }
      case EMPTY_CELL -> set(RegisterColumn.ALL[random.nextInt(RegisterColumn.ALL.length)], "");
      case NOT_A_VILLAGE -> set(AREA_CODE, DanfengCounty.townshipOf(cells[AREA_CODE.ordinal()]));
      case REPEATED_ID -> set(HOUSEHOLD_ID, previousId);
      default -> {
        RegisterColumn column = NEEDS[random.nextInt(NEEDS.length)];
        if (!"true".equals(cells[column.ordinal()])) {
          column = FOOD_CLOTHING_SECURE;
        }
        set(column, "yes");
      }
    }
  }

  private void writeLine(Writer out) throws IOException {
    line.setLength(0);
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append(',');
      }
      line.append(cells[c]);
    }
    line.append('\n');
    out.append(line);
  }

  private void set(RegisterColumn column, String value) {
    cells[column.ordinal()] = value;
  }

  /** A per-capita income multiple from {@link #INCOME_QUANTILES}, interpolated in whole numbers. */
  private long incomeFactorBp() {
    int u = random.nextInt(10_000);
    int k = 1;
    while (INCOME_QUANTILES[k][0] <= u) {
      k++;
    }
    int[] lo = INCOME_QUANTILES[k - 1];
    int[] hi = INCOME_QUANTILES[k];
    return lo[1] + (long) (hi[1] - lo[1]) * (u - lo[0]) / (hi[0] - lo[0]);
  }

  /** Registers record most incomes in whole yuan and some to the fen. */
  private long roughly(long fen) {
    return random.nextInt(100) < 55 ? fen / 100 * 100 : fen;
  }

  /** 2 with {@code twoPercent}, 1 with {@code onePercent}, else 0, capped at {@code max}. */
  private int chance(int twoPercent, int onePercent, int max) {
    int r = random.nextInt(100);
    int n = r < twoPercent ? 2 : r < twoPercent + onePercent ? 1 : 0;
    return Math.min(n, max);
  }

  private int pick(int[] weightsPerMille) {
    int r = random.nextInt(1_000);
    for (int i = 0; i < weightsPerMille.length; i++) {
      r -= weightsPerMille[i];
      if (r < 0) {
        return i;
      }
    }
    return weightsPerMille.length - 1;
  }

  private long between(int fromInclusive, int toExclusive) {
    return fromInclusive + random.nextInt(toExclusive - fromInclusive);
  }

  /** Whole yuan without decimals, else yuan with exactly two. */
  private static String yuan(long fen) {
    long whole = fen / 100;
    long cents = fen % 100;
    if (cents == 0) {
      return Long.toString(whole);
    }
    return whole + (cents < 10 ? ".0" : ".") + cents;
  }

  private static String wholeYuan(String amount) {
    int dot = amount.indexOf('.');
    return dot < 0 ? amount : amount.substring(0, dot);
  }

  private static String padded(long n, int width) {
    String digits = Long.toString(n);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
