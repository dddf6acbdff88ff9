package org.fangfanpin.core.review;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.SortedSet;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.RiskType;
import org.immutables.value.Value;

/**
 * One line of the village's published recognition list (公示名单): the household, its village,
 * how many members it has, its risk types and the notice's dates. Deliberately nothing else: a
 * published list never shows a resident ID number, phone, bank account or health detail, and
 * this type has no field that could hold one.
 */
@Value.Immutable
public abstract class AbstractNoticeListEntry {

  /** The household's register id. */
  @Value.Parameter
  public abstract String householdId();

  /** The village the notice is posted in. */
  @Value.Parameter
  public abstract AreaCode village();

  /** How many members the household has, when the register holds it. */
  @Value.Parameter
  public abstract OptionalInt memberCount();

  /** The risk types, in their natural order. */
  @Value.Parameter
  @Value.NaturalOrder
  public abstract SortedSet<RiskType> riskTypes();

  /** The notice's first day. */
  @Value.Parameter
  public abstract LocalDate startsOn();

  /** The notice's last day. */
  @Value.Parameter
  public abstract LocalDate lastDay();
}
