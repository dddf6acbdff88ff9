package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may report through which channel (各渠道的报告人), every role against every channel. */
class ChannelReportersTest {

  private static final Map<Channel, Set<Role>> ALLOWED = Map.of(
      Channel.SELF_DECLARATION, EnumSet.of(Role.HOUSEHOLD, Role.VILLAGE_WORKING_GROUP),
      Channel.GRID_SCREENING, EnumSet.of(Role.GRID_WORKER, Role.VILLAGE_WORKING_GROUP, Role.TOWNSHIP_OFFICER),
      Channel.MEDIA_HOTLINE, EnumSet.of(Role.HOTLINE_OPERATOR, Role.COUNTY_OFFICE),
      Channel.INDUSTRY_DEPARTMENT, EnumSet.of(Role.DEPARTMENT_OFFICER),
      Channel.DATA_PLATFORM, EnumSet.of(Role.DATA_PLATFORM));

  static Stream<Arguments> everyRoleOnEveryChannel() {
    List<Arguments> all = new ArrayList<>();
    for (Channel c : Channel.values()) {
      for (Role r : Role.values()) {
        all.add(Arguments.of(c, r, ALLOWED.get(c).contains(r)));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1} on {0}: allowed {2}")
  @MethodSource("everyRoleOnEveryChannel")
  void acceptsExactlyTheRolesOfTheChannel(Channel channel, Role role, boolean allowed) {
    TestCounty county = TestCounty.onMonday();
    county.household("H1", TestCounty.VILLAGE_A1);
    // Every reporter's jurisdiction covers the household, so only the role decides.
    Actor reporter = Actor.of("reporter", role, TestCounty.VILLAGE_A1);

    var result = county.ffp.intake().receive(Signals.signal(channel, "ref-1", "H1", reporter).build());

    assertThat(IntakeRules.mayReport(role, channel)).isEqualTo(allowed);
    if (allowed) {
      assertThat(result.isRight()).isTrue();
    } else {
      assertThat(result.getLeft().code()).isEqualTo("actor.role_not_allowed");
      assertThat(Signals.storedSignals(county)).isEmpty();
    }
  }
}
