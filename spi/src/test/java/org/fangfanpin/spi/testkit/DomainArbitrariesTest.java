package org.fangfanpin.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Member;
import org.fangfanpin.spi.model.MemberRelation;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DomainArbitrariesTest {

  @Provide
  Arbitrary<Household> withMembers() {
    return DomainArbitraries.householdsWithMemberDetails();
  }

  @ParameterizedTest
  @EnumSource(AreaLevel.class)
  void generatesAreaCodesOfTheLevelAsked(AreaLevel level) {
    List<AreaCode> sample = DomainArbitraries.areaCodes(level).sampleStream().limit(200).collect(Collectors.toList());

    assertThat(sample).allSatisfy(a -> assertThat(a.level()).isEqualTo(level));
  }

  @Property(tries = 300)
  @Domain(FangFanPinDomain.class)
  void generatesHouseholdsInAVillageWhoseFlagsAgreeWithTheirCounts(@ForAll Household h) {
    assertThat(h.area().level()).isEqualTo(AreaLevel.VILLAGE);
    assertThat(h.id()).startsWith(h.area().code());
    assertThat(h.has(FocusFlag.NO_LABOUR)).isEqualTo(h.workers() == 0);
    assertThat(h.has(FocusFlag.DISABILITY)).isEqualTo(h.disabledMembers() > 0);
    assertThat(h.has(FocusFlag.SERIOUS_ILLNESS)).isEqualTo(h.seriouslyIllMembers() > 0);
    assertThat(h.members()).isEmpty();
  }

  @Property(tries = 200)
  void generatesMemberDetailsThatAgreeWithTheCounts(@ForAll("withMembers") Household h) {
    List<Member> members = h.members();

    assertThat(members).hasSize(h.memberCount());
    assertThat(members.get(0).relation()).isEqualTo(MemberRelation.HEAD);
    assertThat(members.get(0).residentId()).contains(h.head());
    assertThat(members.stream().filter(Member::ableToWork).count()).isEqualTo(h.workers());
    assertThat(members.stream().filter(Member::seniorStudent).count()).isEqualTo(h.seniorStudents());
    assertThat(members.stream().filter(Member::disabled).count()).isEqualTo(h.disabledMembers());
    assertThat(members.stream().filter(Member::seriouslyIll).count()).isEqualTo(h.seriouslyIllMembers());
  }

  @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
  @Domain(FangFanPinDomain.class)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void putsRoughlyOneHouseholdInTenBelowTheDefaultLine(@ForAll Household h) {
    Money line = PolicyParameters.builder().build().monitoringLine().times(h.memberCount());
    Statistics.label("below the line").collect(h.incomeLast12Months().isLessThan(line));

    Statistics.label("below the line").coverage(c -> c.check(true).percentage(p -> p >= 5 && p <= 20));
  }

  @Test
  void variesThePolicyParameters() {
    long distinct = DomainArbitraries.policyParameters().sampleStream().limit(100).distinct().count();

    assertThat(distinct).isGreaterThan(50);
  }
}
