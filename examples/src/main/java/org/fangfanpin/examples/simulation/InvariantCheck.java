package org.fangfanpin.examples.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.fund.AccountKind;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;

/**
 * Checks DOMAIN.md's invariants over what the store holds at the end of a run (不变量核查), and lists
 * every violation found in Chinese and English. Reads the store directly: it judges the library's
 * work, so it does not ask the library.
 */
final class InvariantCheck {

  /** A run of 15 digits or more: a resident ID number (or a phone or bank account). */
  private static final Pattern PERSONAL_NUMBER = Pattern.compile("\\d{15,}");

  private final UnitOfWork store;
  private final AreaCode county;
  private final PolicyParameters policy;
  private final List<Integer> fundYears;
  private final List<String> violations = new ArrayList<>();

  InvariantCheck(UnitOfWork store, AreaCode county, PolicyParameters policy, List<Integer> fundYears) {
    this.store = store;
    this.county = county;
    this.policy = policy;
    this.fundYears = List.copyOf(fundYears);
  }

  /** Every violation found, given the audit chain's verification (invariant 8); empty when all held. */
  List<String> violations(ChainVerification chain) {
    violations.clear();
    if (!chain.valid()) {
      add("审计链在第 " + chain.firstBrokenSequence().orElse(-1L) + " 条断开",
          "the audit chain breaks at record " + chain.firstBrokenSequence().orElse(-1L));
    }
    store.read(s -> {
      List<MonitoringCase> cases;
      try (Stream<MonitoringCase> all = s.cases().inArea(county)) {
        cases = all.toList();
      }
      casesAndSignals(s, cases);
      reviewMoves(cases);
      eliminations(cases);
      fund(s);
      audit(s);
      return null;
    });
    return List.copyOf(violations);
  }

  /** Invariants 1 and 2: one open case per household holding its signals; a signal stored once. */
  private void casesAndSignals(StoreSession s, List<MonitoringCase> cases) {
    Map<String, MonitoringCase> byId = new HashMap<>();
    Map<String, String> openOf = new HashMap<>();
    for (MonitoringCase c : cases) {
      byId.put(c.id(), c);
      if (c.isOpen()) {
        String other = openOf.putIfAbsent(c.householdId(), c.id());
        if (other != null) {
          add("户 " + c.householdId() + " 有两个未结案件 " + other + "、" + c.id(),
              "household " + c.householdId() + " has two open cases, " + other + " and " + c.id());
        }
      }
    }
    Set<String> keys = new HashSet<>();
    try (Stream<StoredSignal> all = s.signals().receivedIn(county, LocalDate.MIN, LocalDate.MAX)) {
      all.forEach(stored -> {
        String key = stored.signal().channel() + "|" + stored.signal().sourceRef();
        if (!keys.add(key)) {
          add("线索 " + key + " 存储了不止一次", "signal " + key + " is stored more than once");
        }
        MonitoringCase c = byId.get(stored.caseId());
        if (c == null || !c.householdId().equals(stored.signal().householdId())) {
          add("线索 " + key + " 未落在本户的案件上", "signal " + key + " does not sit on a case of its household");
        } else if (c.signals().stream().noneMatch(r -> r.channel() == stored.signal().channel()
            && r.sourceRef().equals(stored.signal().sourceRef()))) {
          add("案件 " + c.id() + " 缺少线索 " + key, "case " + c.id() + " lacks signal " + key);
        }
      });
    }
  }

  /**
   * Invariant 3, on each case's record: every step's actor covers the village, and neither the
   * township verifier nor the county decider acted on an earlier step.
   */
  private void reviewMoves(List<MonitoringCase> cases) {
    for (MonitoringCase c : cases) {
      List<Actor> earlier = new ArrayList<>();
      c.screeningVisit().ifPresent(v -> earlier.add(v.by()));
      c.appraisal().ifPresent(a -> earlier.add(a.by()));
      c.notice().ifPresent(n -> {
        earlier.add(n.postedBy());
        n.closedBy().ifPresent(earlier::add);
      });
      for (Actor a : earlier) {
        covers(c, a);
      }
      c.verification().ifPresent(v -> {
        covers(c, v.by());
        notEarlier(c, v.by(), earlier, "乡镇审核", "township verification");
        earlier.add(v.by());
      });
      c.decision().ifPresent(d -> {
        covers(c, d.by());
        notEarlier(c, d.by(), earlier, "县级审定", "county decision");
      });
    }
  }

  /** Invariant 4: no elimination while a measure of the case that had not ended was not implemented. */
  private void eliminations(List<MonitoringCase> cases) {
    for (MonitoringCase c : cases) {
      Optional<LocalDate> eliminatedOn = c.elimination().flatMap(Elimination::decision)
          .filter(EliminationDecision::eliminated).map(EliminationDecision::decidedOn);
      if (eliminatedOn.isEmpty()) {
        continue;
      }
      LocalDate day = eliminatedOn.get();
      for (Measure m : c.measures()) {
        boolean planned = !m.plannedOn().isAfter(day);
        boolean implemented = m.implementedOn().map(on -> !on.isAfter(day)).orElse(false);
        if (planned && !m.endedOn(day) && !implemented) {
          add("案件 " + c.id() + " 在措施 " + m.number() + " 未落实时被标注风险消除",
              "case " + c.id() + " was eliminated while measure " + m.number() + " was not implemented");
        }
      }
      if (c.elimination().flatMap(Elimination::notice).map(PublicNotice::closedOn).flatMap(x -> x).isEmpty()) {
        add("案件 " + c.id() + " 未经公示即被标注风险消除", "case " + c.id() + " was eliminated without a notice");
      }
    }
  }

  /**
   * Invariants 5, 6 and 7: every transfer moves a positive whole amount between two accounts;
   * replayed in order, no pool or aid account goes below zero; no household receives more in a
   * fund year than the household cap, nor a college student more than the student cap.
   */
  private void fund(StoreSession s) {
    for (int year : fundYears) {
      // In order of first posting, so violations are listed in the same order on every run.
      Map<AccountRef, Long> balances = new LinkedHashMap<>();
      try (Stream<Transfer> all = s.ledger().transfers(county, year)) {
        all.forEach(t -> {
          if (t.amount().fen() <= 0 || t.from().equals(t.to())) {
            add("转账 " + t.id() + " 金额或账户无效", "transfer " + t.id() + " has a bad amount or accounts");
          }
          long from = balances.merge(t.from(), -t.amount().fen(), Long::sum);
          balances.merge(t.to(), t.amount().fen(), Long::sum);
          AccountKind kind = t.from().kind();
          if (from < 0 && (kind == AccountKind.POOL || kind == AccountKind.AID_PAID)) {
            add("转账 " + t.id() + " 使账户 " + t.from() + " 低于零", "transfer " + t.id() + " takes " + t.from()
                + " below zero");
          }
        });
      }
      long cap = policy.householdAidCapPerYear().fen();
      for (Map.Entry<AccountRef, Long> e : balances.entrySet()) {
        if (e.getKey().kind() == AccountKind.AID_PAID && e.getValue() > cap) {
          add("户 " + e.getKey().householdId().orElse("?") + " 在 " + year + " 年获救助超过上限",
              "household " + e.getKey().householdId().orElse("?") + " received more than the cap in " + year);
        }
      }
      Map<String, Long> college = new TreeMap<>();
      try (Stream<AidApplication> all = s.aidApplications().inArea(county, year)) {
        all.filter(a -> a.state() == AidApplicationState.PAID && a.purpose() == AidPurpose.COLLEGE_STUDENT)
            .forEach(a -> college.merge(a.householdId(), a.amount().fen(), Long::sum));
      }
      college.forEach((id, paid) -> {
        Optional<Household> h = s.households().find(id);
        long studentCap = policy.collegeStudentAidPerAcademicYear().fen() * h.map(Household::seniorStudents).orElse(0);
        if (paid > studentCap) {
          add("户 " + id + " 在 " + year + " 年大学生救助超过上限",
              "household " + id + " received more college aid than its cap in " + year);
        }
      });
    }
  }

  /** Invariants 8 and 9: the chain is numbered without gaps, and no record holds a personal number. */
  private void audit(StoreSession s) {
    long[] expected = {1};
    try (Stream<AuditRecord> chain = s.audit().chain(county)) {
      chain.forEach(r -> {
        if (r.sequence() != expected[0]) {
          add("审计记录序号 " + r.sequence() + " 应为 " + expected[0],
              "audit record " + r.sequence() + " should be number " + expected[0]);
        }
        expected[0] = r.sequence() + 1;
        // Household ids are 20-digit register numbers, so the subject is left out of the search.
        String text = r.actorId() + " " + r.action() + " " + r.beforeState().orElse("") + " " + r.afterState();
        if (PERSONAL_NUMBER.matcher(text).find()) {
          add("审计记录 " + r.sequence() + " 含有疑似身份证号", "audit record " + r.sequence()
              + " holds what looks like a resident ID number");
        }
      });
    }
  }

  private void covers(MonitoringCase c, Actor a) {
    if (!a.covers(c.area())) {
      add("案件 " + c.id() + " 由辖区外的 " + a.id() + " 办理", "case " + c.id() + " was moved by " + a.id()
          + ", outside their jurisdiction");
    }
  }

  private void notEarlier(MonitoringCase c, Actor a, List<Actor> earlier, String stepZh, String stepEn) {
    if (earlier.stream().anyMatch(e -> e.id().equals(a.id()))) {
      add("案件 " + c.id() + " 的" + stepZh + "由前序环节经办人作出", "the " + stepEn + " of case " + c.id()
          + " was made by an actor of an earlier step");
    }
  }

  private void add(String zh, String en) {
    violations.add(zh + " / " + en);
  }
}
