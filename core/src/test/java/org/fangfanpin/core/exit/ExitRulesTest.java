package org.fangfanpin.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.core.exit.ExitFixtures.DECIDED;
import static org.fangfanpin.core.exit.ExitFixtures.inGradualExit;

import java.time.LocalDate;
import java.util.Set;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A new risk after elimination: during the gradual exit, and after the case closed. */
class ExitRulesTest {

  static final LocalDate DURING_EXIT = LocalDate.of(2025, 12, 1);

  @Nested
  class Relapses {

    @Test
    void resumesMonitoringAndFlagsAnEarlyEliminationWhenTheSameRiskReturns() {
      MonitoringCase before = inGradualExit();
      assertThat(before.riskTypes()).containsExactly(RiskType.ILLNESS);

      MonitoringCase after = ExitRules.relapse(before, Set.of(RiskType.ILLNESS), DURING_EXIT);

      assertThat(after.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.relapses()).isEqualTo(1);
      assertThat(after.earlyElimination()).isTrue();
      assertThat(after.exit()).isEmpty();
      assertThat(after.riskTypes()).containsExactly(RiskType.ILLNESS);
      assertThat(after.elimination()).isEqualTo(before.elimination());
      assertThat(after.decision()).isEqualTo(before.decision());
      assertThat(after.measures()).isEqualTo(before.measures());
    }

    @Test
    void resumesMonitoringWithoutTheFlagWhenTheRiskIsOfANewType() {
      MonitoringCase after = ExitRules.relapse(inGradualExit(), Set.of(RiskType.DISASTER), DURING_EXIT);

      assertThat(after.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(after.earlyElimination()).isFalse();
      assertThat(after.relapses()).isEqualTo(1);
      assertThat(after.riskTypes()).containsExactlyInAnyOrder(RiskType.ILLNESS, RiskType.DISASTER);
    }

    @Test
    void flagsWhenAnyOfSeveralNewRisksIsOfAnEliminatedType() {
      assertThat(ExitRules.relapse(inGradualExit(), Set.of(RiskType.DISASTER, RiskType.ILLNESS), DURING_EXIT)
          .earlyElimination()).isTrue();
    }

    @Test
    void countsEveryRelapseAndKeepsTheFlagOnceSet() {
      MonitoringCase first = ExitRules.relapse(inGradualExit(), Set.of(RiskType.ILLNESS), DURING_EXIT);
      MonitoringCase backInExit = first.withState(CaseState.GRADUAL_EXIT).withExit(inGradualExit().exit());

      MonitoringCase second = ExitRules.relapse(backInExit, Set.of(RiskType.ACCIDENT), DURING_EXIT);

      assertThat(second.relapses()).isEqualTo(2);
      assertThat(second.earlyElimination()).isTrue();
    }

    @Test
    void acceptsARiskOnTheDayOfTheDecisionAndRefusesOneBeforeIt() {
      assertThat(ExitRules.relapse(inGradualExit(), Set.of(RiskType.ILLNESS), DECIDED).state())
          .isEqualTo(CaseState.CONFIRMED);
      assertThatThrownBy(() -> ExitRules.relapse(inGradualExit(), Set.of(RiskType.ILLNESS), DECIDED.minusDays(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"GRADUAL_EXIT"}, mode = EnumSource.Mode.EXCLUDE)
    void appliesOnlyToACaseInItsGradualExit(CaseState state) {
      assertThatThrownBy(() -> ExitRules.relapse(inGradualExit().withState(state), Set.of(RiskType.ILLNESS),
          DURING_EXIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsARiskType() {
      assertThatThrownBy(() -> ExitRules.relapse(inGradualExit(), Set.of(), DURING_EXIT))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class AfterClosing {

    final MonitoringCase closed = EliminationRules.close(inGradualExit(), ExitFixtures.COUNTY_OFFICER,
        inGradualExit().exit().get().endsOn().plusDays(1)).after();

    @Test
    void isAnEarlyEliminationWhenTheSameRiskTypeReturns() {
      assertThat(ExitRules.followsClosedCase(closed, Set.of(RiskType.ILLNESS))).isTrue();
      assertThat(ExitRules.followsClosedCase(closed, Set.of(RiskType.DISASTER, RiskType.ILLNESS))).isTrue();
    }

    @Test
    void isANewEntryWhenTheRiskIsOfANewType() {
      assertThat(ExitRules.followsClosedCase(closed, Set.of(RiskType.DISASTER))).isFalse();
      assertThat(ExitRules.followsClosedCase(closed, Set.of())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"CLOSED"}, mode = EnumSource.Mode.EXCLUDE)
    void appliesOnlyToAClosedCase(CaseState state) {
      assertThatThrownBy(() -> ExitRules.followsClosedCase(closed.withState(state), Set.of(RiskType.ILLNESS)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
