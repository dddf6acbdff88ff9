package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OUTSIDE_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.review.CaseState;
import org.junit.jupiter.api.Test;

class StoreFixturesTest {

  @Test
  void placesTheAreasWhereTheirNamesSay() {
    assertThat(COUNTY.level()).isEqualTo(AreaLevel.COUNTY);
    assertThat(TOWNSHIP.level()).isEqualTo(AreaLevel.TOWNSHIP);
    assertThat(StoreFixtures.VILLAGES).allSatisfy(v -> assertThat(v.level()).isEqualTo(AreaLevel.VILLAGE));
    assertThat(TOWNSHIP.contains(VILLAGE) && TOWNSHIP.contains(NEIGHBOUR_VILLAGE)).isTrue();
    assertThat(TOWNSHIP.contains(OTHER_TOWNSHIP_VILLAGE)).isFalse();
    assertThat(OTHER_TOWNSHIP.contains(OTHER_TOWNSHIP_VILLAGE)).isTrue();
    assertThat(COUNTY.contains(OTHER_TOWNSHIP_VILLAGE)).isTrue();
    assertThat(COUNTY.contains(OUTSIDE_VILLAGE)).isFalse();
    assertThat(OTHER_COUNTY.contains(OUTSIDE_VILLAGE)).isTrue();
    assertThat(StoreFixtures.AREAS).allSatisfy(a -> assertThat(StoreFixtures.PROVINCE.contains(a)).isTrue());
  }

  @Test
  void makesAThousandDistinctValidResidentIds() {
    List<ResidentId> ids = IntStream.range(0, 1000).mapToObj(StoreFixtures::residentId).collect(Collectors.toList());

    assertThat(ids).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(ResidentId.parse("id", id.unmasked()).isValid()).isTrue());
  }

  @Test
  void buildsValidValuesOfEveryKind() {
    assertThat(StoreFixtures.household(VILLAGE, 3).area()).isEqualTo(VILLAGE);
    assertThat(StoreFixtures.detailedHousehold("h-1", VILLAGE).members()).hasSize(3);
    assertThat(StoreFixtures.openCase("case-1", StoreFixtures.household(VILLAGE, 1)).isOpen()).isTrue();
    assertThat(StoreFixtures.detailedCase("case-1", "h-1", VILLAGE).state()).isEqualTo(CaseState.DISMISSED);
    assertThat(StoreFixtures.storedSignal("ref", VILLAGE, StoreFixtures.T0).receivedOn()).isEqualTo(StoreFixtures.DAY0);
    assertThat(StoreFixtures.event("e-1").attributes()).containsKeys("dueOn", "channel");
  }

  @Test
  void linksEachAuditRecordToThePreviousOne() {
    List<AuditRecord> chain = StoreFixtures.auditChain(COUNTY, 4);

    assertThat(chain).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(chain.get(0).previousHash()).isEmpty();
    for (int i = 1; i < chain.size(); i++) {
      assertThat(chain.get(i).previousHash()).isEqualTo(chain.get(i - 1).hash());
    }
    assertThat(chain).extracting(AuditRecord::hash).doesNotHaveDuplicates()
        .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
  }
}
