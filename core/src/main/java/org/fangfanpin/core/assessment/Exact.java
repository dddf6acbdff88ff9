package org.fangfanpin.core.assessment;

/**
 * Exact comparisons of products of fen amounts and basis-point factors, in 128 bits, so that no
 * rule ever divides before it compares or overflows on a large figure.
 */
final class Exact {

  private Exact() {}

  /** Compares {@code a × ma} with {@code b × mb} exactly: negative, zero or positive. */
  static int compare(long a, long ma, long b, long mb) {
    long hiA = Math.multiplyHigh(a, ma);
    long hiB = Math.multiplyHigh(b, mb);
    if (hiA != hiB) {
      return Long.compare(hiA, hiB);
    }
    return Long.compareUnsigned(a * ma, b * mb);
  }

  /** {@code fen × bp / 10,000}, rounded down: for showing a limit, never for deciding. */
  static long scaleDown(long fen, long bp) {
    return Math.multiplyExact(fen / 10_000, bp) + (fen % 10_000) * bp / 10_000;
  }
}
