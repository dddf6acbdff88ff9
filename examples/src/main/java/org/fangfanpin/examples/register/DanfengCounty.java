package org.fangfanpin.examples.register;

/**
 * The shape of Danfeng county (丹凤县), Shangluo, Shaanxi, for generated registers: county code
 * {@code 611022}, 12 townships and 156 villages. The township and village codes follow the
 * statistical pattern (township {@code 1xx}, village committee {@code 2yy}) but are made up.
 */
final class DanfengCounty {

  /** The county's 6-digit region code, also the region of its residents' ID numbers. */
  static final String REGION = "611022";

  /** Villages of each township: uneven, as real townships are. */
  private static final int[] VILLAGES_PER_TOWNSHIP = {18, 14, 12, 15, 11, 13, 16, 10, 14, 12, 9, 12};

  private static final String[] VILLAGES = villages();

  private DanfengCounty() {}

  /** How many villages the county has. */
  static int villageCount() {
    return VILLAGES.length;
  }

  /** The 12-digit code of the {@code i}-th village, from 0. */
  static String village(int i) {
    return VILLAGES[i];
  }

  /** The 12-digit code of the township a village code belongs to. */
  static String townshipOf(String villageCode) {
    return villageCode.substring(0, 9) + "000";
  }

  private static String[] villages() {
    int total = 0;
    for (int n : VILLAGES_PER_TOWNSHIP) {
      total += n;
    }
    String[] codes = new String[total];
    int i = 0;
    for (int t = 0; t < VILLAGES_PER_TOWNSHIP.length; t++) {
      for (int v = 1; v <= VILLAGES_PER_TOWNSHIP[t]; v++) {
        codes[i++] = REGION + (100 + t) + (200 + v);
      }
    }
    return codes;
  }
}
