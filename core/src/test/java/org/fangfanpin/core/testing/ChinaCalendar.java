package org.fangfanpin.core.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.spi.time.WeekdayCalendar;

/** The State Council's 2025 public holidays and make-up working days (国务院办公厅 2024-11-12). */
public final class ChinaCalendar {

  private ChinaCalendar() {}

  /** The 2025 working calendar. */
  public static WeekdayCalendar y2025() {
    List<LocalDate> holidays = new ArrayList<>();
    holidays.add(LocalDate.of(2025, 1, 1));
    range(holidays, LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4));
    range(holidays, LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 6));
    range(holidays, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5));
    range(holidays, LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 2));
    range(holidays, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8));
    List<LocalDate> makeUp = List.of(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8),
        LocalDate.of(2025, 4, 27), LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
    return WeekdayCalendar.of(holidays, makeUp);
  }

  private static void range(List<LocalDate> into, LocalDate from, LocalDate to) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      into.add(d);
    }
  }
}
