package org.fangfanpin.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

  /** The sample number of GB 11643-1999, whose check character is X. */
  private static final String SAMPLE_WITH_X = "11010519491231002X";

  @Provide
  Arbitrary<String> validNumbers() {
    return DomainArbitraries.residentIdNumbers();
  }

  /** Mostly digits and X, sometimes anything at all. */
  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.chars().numeric()),
        Tuple.of(1, Arbitraries.of('X', 'x')),
        Tuple.of(1, Arbitraries.chars()));
  }

  @Property
  void acceptsEveryGeneratedNumberAndKeepsIt(@ForAll("validNumbers") String number) {
    Validation<Seq<Problem>, ResidentId> parsed = ResidentId.parse("id", number);

    assertThat(parsed.isValid()).as("problems: %s", parsed).isTrue();
    assertThat(parsed.get().unmasked()).isEqualTo(number);
    assertThat(ResidentId.checkCharacter(number)).isEqualTo(number.charAt(17));
  }

  @Property
  void rejectsAnySingleCharacterChange(@ForAll("validNumbers") String number,
      @ForAll @IntRange(min = 0, max = 17) int position, @ForAll("replacements") char replacement) {
    Assume.that(Character.toUpperCase(replacement) != number.charAt(position));
    String changed = number.substring(0, position) + replacement + number.substring(position + 1);

    assertThat(ResidentId.parse("id", changed).isInvalid()).as("accepted %s", changed).isTrue();
  }

  @Property(tries = 300)
  void neverRepeatsAnInvalidNumberInItsProblems(@ForAll("validNumbers") String number,
      @ForAll @IntRange(min = 0, max = 17) int position, @ForAll("replacements") char replacement) {
    Assume.that(Character.toUpperCase(replacement) != number.charAt(position));
    String changed = number.substring(0, position) + replacement + number.substring(position + 1);
    String middle = changed.substring(6, 14);

    Seq<Problem> problems = ResidentId.parse("id", changed).getError();
    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).doesNotContain(changed, middle));
    assertThatThrownBy(() -> ResidentId.of(changed)).isInstanceOf(InvalidValueException.class)
        .message().doesNotContain(changed, middle);
  }

  @Test
  void acceptsALowerCaseXAndStoresItUpperCase() {
    ResidentId id = ResidentId.of(SAMPLE_WITH_X.toLowerCase(Locale.ROOT));

    assertThat(id.unmasked()).isEqualTo(SAMPLE_WITH_X);
    assertThat(id).isEqualTo(ResidentId.of(SAMPLE_WITH_X));
  }

  @Test
  void readsTheBirthDateAndRegion() {
    ResidentId id = ResidentId.of(SAMPLE_WITH_X);

    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.region()).isEqualTo("110105");
  }

  @Test
  void rejectsANumberWhoseCheckCharacterIsWrong() {
    assertThat(codes("110105194912310021")).containsExactly("resident_id.check_digit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"19900230", "19901301", "19900000", "18491231"})
  void reportsAnImpossibleBirthDateWithItsCode(String birthDate) {
    assertThat(codes(withCheckCharacter("110105" + birthDate + "123"))).containsExactly("resident_id.birth_date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002", "11010519491231002X1", "1101051949123100XX", "11010519491231002Y",
      "A1010519491231002X", "１１0105194912310021", "110105-9491231002X"})
  void reportsAWrongShapeAsAFormatProblem(String text) {
    assertThat(codes(text)).containsExactly("resident_id.format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void reportsAMissingNumber(String text) {
    assertThat(codes(text)).containsExactly("resident_id.missing");
    assertThat(ResidentId.parse("id", null).getError().map(Problem::code)).containsExactly("resident_id.missing");
  }

  @Test
  void reportsEveryProblemOfANumberAtOnce() {
    String body = "00110519900230000";
    char wrong = ResidentId.checkCharacter(body) == '1' ? '2' : '1';

    assertThat(codes(body + wrong))
        .containsExactlyInAnyOrder("resident_id.region", "resident_id.birth_date", "resident_id.check_digit");
  }

  @Test
  void namesTheFieldItWasGiven() {
    assertThat(ResidentId.parse("head_id", "x").getError()).extracting(Problem::field).containsOnly("head_id");
  }

  @Property
  void showsOnlyTheFirstSixAndLastFourCharacters(@ForAll("validNumbers") String number) {
    ResidentId id = ResidentId.of(number);
    String expected = number.substring(0, 6) + "********" + number.substring(14);

    assertThat(id.masked()).isEqualTo(expected);
    assertThat(id.toString()).isEqualTo(expected).doesNotContain(number.substring(6, 14));
  }

  @Property
  void masksAnyTextKeepingAtMostTheFirstSixAndLastFour(@ForAll @StringLength(max = 40) String text) {
    String masked = ResidentId.mask(text);
    int n = text.length();

    assertThat(masked).hasSize(n);
    if (n <= 10) {
      assertThat(masked).isEqualTo("*".repeat(n));
    } else {
      assertThat(masked).startsWith(text.substring(0, 6)).endsWith(text.substring(n - 4));
      assertThat(masked.substring(6, n - 4)).isEqualTo("*".repeat(n - 10));
    }
  }

  @Test
  void masksTenCharactersEntirelyAndShowsTheEndsOfEleven() {
    assertThat(ResidentId.mask("1234567890")).isEqualTo("**********");
    assertThat(ResidentId.mask("12345678901")).isEqualTo("123456*8901");
  }

  @Test
  void masksNothingAsTheEmptyText() {
    assertThat(ResidentId.mask(null)).isEmpty();
  }

  private static String withCheckCharacter(String digits17) {
    return digits17 + ResidentId.checkCharacter(digits17);
  }

  private static Seq<String> codes(String text) {
    return ResidentId.parse("id", text).fold(problems -> problems.map(Problem::code), valid -> io.vavr.collection.List.empty());
  }
}
