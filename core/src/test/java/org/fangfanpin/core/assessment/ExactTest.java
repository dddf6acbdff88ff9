package org.fangfanpin.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ExactTest {

  private static final long MAX = Long.MAX_VALUE;
  private static final long MIN = Long.MIN_VALUE;

  @Property
  void comparesProductsOfAnyTwoLongsExactly(@ForAll long a, @ForAll long ma, @ForAll long b, @ForAll long mb) {
    int expected = big(a).multiply(big(ma)).compareTo(big(b).multiply(big(mb)));

    assertThat(Integer.signum(Exact.compare(a, ma, b, mb))).isEqualTo(expected);
  }

  @Test
  void comparesProductsThatOverflowALong() {
    assertThat(Exact.compare(MAX, 10_000, MAX, 9_999)).isPositive();
    assertThat(Exact.compare(MAX, 15_000, MAX, 15_000)).isZero();
    assertThat(Exact.compare(MAX / 2, 15_000, MAX, 10_000)).isNegative();
    assertThat(Exact.compare(MIN, MIN, MAX, MAX)).isPositive();
    assertThat(Exact.compare(-1, 10_000, 0, 1)).isNegative();
    assertThat(Exact.compare(MIN, 1, MAX, -1)).isNegative();
  }

  @Property
  void scalesDownRoundingDown(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fen,
      @ForAll @IntRange(min = 0, max = 10_000) int bp) {
    long expected = big(fen).multiply(big(bp)).divide(big(10_000)).longValueExact();

    assertThat(Exact.scaleDown(fen, bp)).isEqualTo(expected);
  }

  @Test
  void scalesDownTheLargestAmountWithoutOverflow() {
    assertThat(Exact.scaleDown(MAX, 5_000)).isEqualTo(MAX / 2);
    assertThat(Exact.scaleDown(MAX, 10_000)).isEqualTo(MAX);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }
}
