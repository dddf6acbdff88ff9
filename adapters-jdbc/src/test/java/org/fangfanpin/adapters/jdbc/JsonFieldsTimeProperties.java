package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The stored documents' days and instants read without the JDK's formatter give what
 * {@link LocalDate#parse} and {@link Instant#parse} give, and refuse what they refuse.
 */
class JsonFieldsTimeProperties {

  @Property(tries = 2_000)
  void everyDayReadsAsTheFormatterReadsIt(@ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 365) int dayOfYear) {
    LocalDate day = LocalDate.ofYearDay(year, Math.min(dayOfYear + 1, LocalDate.of(year, 1, 1).lengthOfYear()));
    assertThat(JsonFields.isoDay(day.toString())).isEqualTo(day).isEqualTo(LocalDate.parse(day.toString()));
  }

  @Property(tries = 2_000)
  void everyInstantReadsAsTheFormatterReadsIt(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L)
      long second, @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int digits) {
    int[] scale = {1_000_000_000, 1_000_000, 1_000, 1};
    Instant instant = Instant.ofEpochSecond(second, nanos / scale[digits] * scale[digits]);
    assertThat(JsonFields.isoInstant(instant.toString())).isEqualTo(instant).isEqualTo(Instant.parse(instant.toString()));
  }

  @Test
  void otherFormsGoToTheFormatterWhichAcceptsOrRefusesThem() {
    assertThat(JsonFields.isoDay("+12025-03-14")).isEqualTo(LocalDate.parse("+12025-03-14"));
    assertThat(JsonFields.isoInstant("2025-03-14T02:30:00.5Z")).isEqualTo(Instant.parse("2025-03-14T02:30:00.5Z"));
    assertThat(JsonFields.isoInstant("2025-03-14T23:59:60Z")).isEqualTo(Instant.parse("2025-03-14T23:59:60Z"));
    for (String bad : new String[] {"2025-02-29", "2024-04-31", "2025-13-01", "2025-00-10", "2025-1-10", "２025-01-10",
        "2025-01-1x", ""}) {
      assertThatThrownBy(() -> JsonFields.isoDay(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
    // The JDK reads 24:00 as the next day's midnight; so does the fast path, by leaving it to the JDK.
    assertThat(JsonFields.isoInstant("2025-03-14T24:00:00Z")).isEqualTo(Instant.parse("2025-03-14T24:00:00Z"));
    for (String bad : new String[] {"2025-03-14T02:60:00Z", "2025-03-14T02:30:00", "2025-02-30T02:30:00Z",
        "2025-03-14T02:30:00.12x4Z", "2025-03-14 02:30:00Z"}) {
      assertThatThrownBy(() -> JsonFields.isoInstant(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
  }
}
