package org.fangfanpin.spi.policy;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Problem;

/**
 * Every version of the policy a host knows (政策库), by region and effective date.
 *
 * <p>{@link #resolve} answers "the policy for this village on this date": among the entries that
 * cover the village and are in force on the date, it takes the most specific region, and within
 * that region the latest effective date. A region's entry replaces the whole parameter set of the
 * regions above it, so a province that publishes its own parameters publishes all of them (start
 * from {@code PolicyParameters.builder().from(national)} and change what differs).
 */
public final class PolicyBook {

  /** The date the 2021 national monitoring line (6,000 yuan) took effect. */
  public static final LocalDate NATIONAL_DEFAULT_FROM = LocalDate.of(2021, 1, 1);

  private static final Comparator<PolicyEntry> PRECEDENCE =
      Comparator.comparingInt(PolicyEntry::specificity).thenComparing(PolicyEntry::effectiveFrom);

  private final List<PolicyEntry> entries;

  private PolicyBook(List<PolicyEntry> entries) {
    this.entries = entries;
  }

  /** A book with only the national defaults, in force from 2021-01-01. */
  public static PolicyBook nationalDefaults() {
    return new PolicyBook(List.of(PolicyEntry.builder()
        .effectiveFrom(NATIONAL_DEFAULT_FROM)
        .parameters(PolicyParameters.builder().build())
        .build()));
  }

  /** A book of the given entries; two entries for the same region and date are a problem. */
  public static Validation<Seq<Problem>, PolicyBook> of(Iterable<PolicyEntry> entries) {
    List<PolicyEntry> all = List.ofAll(entries);
    List<Problem> problems = all.groupBy(e -> List.of(e.region(), e.effectiveFrom()))
        .filterValues(group -> group.size() > 1)
        .keySet().toList()
        .map(key -> Problem.of("policy", "policy.duplicate_version",
            "同一地区同一生效日期的政策版本重复：" + key.mkString(" "),
            "two policy versions for the same region and date: " + key.mkString(" ")));
    return problems.isEmpty() ? Validation.valid(new PolicyBook(all)) : Validation.invalid(problems);
  }

  /** This book with one more entry; replaces an entry for the same region and date. */
  public PolicyBook with(PolicyEntry entry) {
    Objects.requireNonNull(entry, "entry");
    return new PolicyBook(entries
        .filter(e -> !(e.region().equals(entry.region()) && e.effectiveFrom().equals(entry.effectiveFrom())))
        .append(entry));
  }

  /** The policy for an area on a date, or empty when no entry covers it yet. */
  public Option<PolicyParameters> resolve(AreaCode area, LocalDate date) {
    return entries.filter(e -> e.covers(area) && !e.effectiveFrom().isAfter(date))
        .maxBy(PRECEDENCE)
        .map(PolicyEntry::parameters);
  }

  /** Every entry, in the order added. */
  public List<PolicyEntry> entries() {
    return entries;
  }
}
