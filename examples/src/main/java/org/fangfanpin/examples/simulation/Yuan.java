package org.fangfanpin.examples.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money at the edge (金额显示): whole fen turned into yuan (元) or ten-thousands of yuan (万元) for
 * people to read. Exact: fen go through {@link BigDecimal}, never through a double.
 */
final class Yuan {

  /** Fen in one 万元. */
  static final long FEN_PER_WAN = 1_000_000L;

  private Yuan() {}

  /** The fen as yuan with two decimals and thousands separators: 123456789 → "1,234,567.89". */
  static String yuan(long fen) {
    return twoDecimals().format(toYuan(fen));
  }

  /** The fen as 万元, rounded half up to two decimals: 123456789 → "123.46". */
  static String wan(long fen) {
    return twoDecimals().format(BigDecimal.valueOf(fen).movePointLeft(6).setScale(2, RoundingMode.HALF_UP));
  }

  /** The fen as an exact yuan amount with two decimals, for a spreadsheet cell. */
  static BigDecimal toYuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /** A count with thousands separators: 12345 → "12,345". */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  // DecimalFormat is not thread-safe, so each call takes its own.
  private static DecimalFormat twoDecimals() {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.UNNECESSARY);
    return f;
  }
}
