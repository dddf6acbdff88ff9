package org.fangfanpin.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.collection.Seq;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @Provide
  Arbitrary<Money> parseable() {
    return DomainArbitraries.parseableAmounts();
  }

  @Property
  void readsBackEveryAmountItWrites(@ForAll("parseable") Money amount) {
    assertThat(Money.parseYuan("amount", amount.toYuanString()).get()).isEqualTo(amount);
  }

  @Property
  void writesExactlyTwoDecimalsForAnyAmount(@ForAll long fen) {
    String yuan = Money.ofFen(fen).toYuanString();

    assertThat(yuan).matches("-?(0|[1-9][0-9]*)\\.[0-9]{2}");
    assertThat(new BigDecimal(yuan)).isEqualTo(BigDecimal.valueOf(fen, 2));
  }

  @ParameterizedTest
  @CsvSource({"6000, 600000", "6999.9, 699990", "6999.99, 699999", "0.05, 5", "-0.05, -5", "+12.30, 1230",
      "007, 700", "'  12 ', 1200", "9999999999999.99, 999999999999999", "-0, 0"})
  void readsYuanFigures(String text, long fen) {
    assertThat(Money.parseYuan("amount", text).get().fen()).isEqualTo(fen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.234", "0.001", "6000.000"})
  void rejectsMoreThanTwoDecimals(String text) {
    assertThat(codes(text)).containsExactly("money.precision");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,000", "1,000.00", "6 000", "1e5", "1E5", "6.0e3", ".5", "5.", "-", "--5", "+-5", "0x10",
      "１２", "6000元", "NaN", "Infinity", "12.-3"})
  void rejectsAnythingButAPlainDecimalFigure(String text) {
    assertThat(codes(text)).containsExactly("money.format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void rejectsABlankAmount(String text) {
    assertThat(codes(text)).containsExactly("money.missing");
    assertThat(codes(null)).containsExactly("money.missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10000000000000", "-10000000000000.00", "92233720368547758.07"})
  void rejectsAmountsBeyondThirteenDigitsOfYuan(String text) {
    assertThat(codes(text)).containsExactly("money.range");
  }

  @Test
  void throwsInsteadOfOverflowing() {
    Money max = Money.ofFen(Long.MAX_VALUE);
    Money min = Money.ofFen(Long.MIN_VALUE);

    assertThatThrownBy(() -> max.plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> min.minus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofYuan(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
  }

  @Property
  void addsAndSubtractsExactly(@ForAll("parseable") Money a, @ForAll("parseable") Money b) {
    assertThat(BigInteger.valueOf(a.plus(b).fen())).isEqualTo(BigInteger.valueOf(a.fen()).add(BigInteger.valueOf(b.fen())));
    assertThat(a.plus(b).minus(b)).isEqualTo(a);
  }

  @Property
  void comparesByFen(@ForAll long a, @ForAll long b) {
    Money x = Money.ofFen(a);
    Money y = Money.ofFen(b);

    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Long.signum(Long.compare(a, b)));
    assertThat(x.isLessThan(y)).isEqualTo(a < b);
    assertThat(x.isGreaterThan(y)).isEqualTo(a > b);
    assertThat(x.equals(y)).isEqualTo(a == b);
  }

  @Test
  void showsTheCurrencyInItsText() {
    assertThat(Money.ofYuan(6_000)).hasToString("6000.00 CNY");
    assertThat(Money.ofFen(-1)).hasToString("-0.01 CNY");
  }

  @Test
  void usesNoFloatingPointAnywhere() {
    List<Class<?>> floating = List.of(double.class, float.class, Double.class, Float.class);

    assertThat(Money.class.getDeclaredFields()).noneMatch(f -> floating.contains(f.getType()));
    for (Method m : Money.class.getDeclaredMethods()) {
      assertThat(floating).as(m.toString()).doesNotContain(m.getReturnType());
      assertThat(Arrays.asList(m.getParameterTypes())).as(m.toString()).doesNotContainAnyElementsOf(floating);
    }
  }

  private static Seq<String> codes(String text) {
    return Money.parseYuan("amount", text).getError().map(Problem::code);
  }
}
