package org.fangfanpin.spi.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The default working calendar (默认工作日历): Monday to Friday, minus the public holidays given,
 * plus the make-up working days given (weekend days that are worked, 调休上班).
 */
public final class WeekdayCalendar implements WorkingCalendar {

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkingDays;

  private WeekdayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
    this.holidays = Set.copyOf(holidays);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    for (LocalDate d : this.holidays) {
      if (this.makeUpWorkingDays.contains(d)) {
        throw new IllegalArgumentException("a day cannot be both a holiday and a make-up working day: " + d);
      }
    }
  }

  /** Weekdays only, no holidays. */
  public static WeekdayCalendar weekdays() {
    return new WeekdayCalendar(Set.of(), Set.of());
  }

  /** Weekdays minus the holidays, plus the make-up working days. */
  public static WeekdayCalendar of(Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
    return new WeekdayCalendar(holidays, makeUpWorkingDays);
  }

  @Override
  public boolean isWorkingDay(LocalDate day) {
    if (makeUpWorkingDays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }
}
