package org.fangfanpin.examples.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.spi.time.WeekdayCalendar;

/**
 * China's public holidays and make-up working days (法定节假日与调休上班日) of 2025 and 2026, as the
 * State Council's General Office announced them (2024-11-12 and 2025-11-04): the working calendar
 * the simulated county counts its deadlines in.
 */
final class ChinaHolidays {

  /** The first day the calendar knows. */
  static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  /** The last day the calendar knows. */
  static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

  private ChinaHolidays() {}

  /** The working calendar of 2025 and 2026. */
  static WeekdayCalendar calendar() {
    List<LocalDate> holidays = new ArrayList<>();
    List<LocalDate> makeUp = new ArrayList<>();
    // 2025
    holidays.add(LocalDate.of(2025, 1, 1));
    range(holidays, "2025-01-28", "2025-02-04");
    range(holidays, "2025-04-04", "2025-04-06");
    range(holidays, "2025-05-01", "2025-05-05");
    range(holidays, "2025-05-31", "2025-06-02");
    range(holidays, "2025-10-01", "2025-10-08");
    days(makeUp, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    // 2026
    range(holidays, "2026-01-01", "2026-01-03");
    range(holidays, "2026-02-15", "2026-02-23");
    range(holidays, "2026-04-04", "2026-04-06");
    range(holidays, "2026-05-01", "2026-05-05");
    range(holidays, "2026-06-19", "2026-06-21");
    range(holidays, "2026-09-25", "2026-09-27");
    range(holidays, "2026-10-01", "2026-10-07");
    days(makeUp, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    return WeekdayCalendar.of(holidays, makeUp);
  }

  private static void range(List<LocalDate> into, String from, String to) {
    LocalDate last = LocalDate.parse(to);
    for (LocalDate d = LocalDate.parse(from); !d.isAfter(last); d = d.plusDays(1)) {
      into.add(d);
    }
  }

  private static void days(List<LocalDate> into, String... days) {
    for (String d : days) {
      into.add(LocalDate.parse(d));
    }
  }
}
