package org.fangfanpin.examples.register;

/**
 * The shape of Danfeng county (丹凤县), Shangluo, Shaanxi, for generated registers and the county
 * simulation: county code {@code 611022}, 12 townships and 156 villages. The township names are
 * the county's; the township and village codes follow the statistical pattern (township
 * {@code 1xx}, village committee {@code 2yy}) but are made up.
 */
public final class DanfengCounty {

  /** The county's 6-digit region code, also the region of its residents' ID numbers. */
  public static final String REGION = "611022";

  /** The county's 12-digit area code. */
  public static final String COUNTY_CODE = REGION + "000000";

  /** The townships' names, in the order of their codes. */
  private static final String[] TOWNSHIP_NAMES = {"龙驹寨街道", "庾岭镇", "蔡川镇", "峦庄镇", "铁峪铺镇", "武关镇",
      "竹林关镇", "土门镇", "寺坪镇", "商镇", "棣花镇", "花瓶子镇"};

  /** Villages of each township: uneven, as real townships are. */
  private static final int[] VILLAGES_PER_TOWNSHIP = {18, 14, 12, 15, 11, 13, 16, 10, 14, 12, 9, 12};

  private static final String[] VILLAGES = villages();

  private DanfengCounty() {}

  /** How many villages the county has. */
  public static int villageCount() {
    return VILLAGES.length;
  }

  /** The 12-digit code of the {@code i}-th village, from 0. */
  public static String village(int i) {
    return VILLAGES[i];
  }

  /** The 12-digit code of the township a village code belongs to. */
  public static String townshipOf(String villageCode) {
    return villageCode.substring(0, 9) + "000";
  }

  /** How many townships the county has. */
  public static int townshipCount() {
    return VILLAGES_PER_TOWNSHIP.length;
  }

  /** The 12-digit code of the {@code t}-th township, from 0. */
  public static String township(int t) {
    return REGION + (100 + t) + "000";
  }

  /** The name of the {@code t}-th township, from 0. */
  public static String townshipName(int t) {
    return TOWNSHIP_NAMES[t];
  }

  /** The index of the township of the {@code i}-th village. */
  public static int townshipIndexOfVillage(int i) {
    return Integer.parseInt(VILLAGES[i].substring(6, 9)) - 100;
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
