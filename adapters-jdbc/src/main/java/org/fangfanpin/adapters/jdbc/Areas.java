package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.model.AreaCode;

/**
 * Area queries as ranges of village codes (区划范围): the villages of an area share its significant
 * digits, so they form one range of the 12-digit codes, which an index on the village column
 * answers.
 */
final class Areas {

  private Areas() {}

  /** The lowest code inside the area: the area's own code. */
  static String low(AreaCode area) {
    return area.code();
  }

  /** The highest code inside the area: its prefix followed by nines. */
  static String high(AreaCode area) {
    String prefix = area.prefix();
    return prefix + "9".repeat(12 - prefix.length());
  }
}
