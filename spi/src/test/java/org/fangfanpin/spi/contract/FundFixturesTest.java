package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;

import java.util.List;
import org.fangfanpin.spi.fund.AccountKind;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Money;
import org.junit.jupiter.api.Test;

class FundFixturesTest {

  @Test
  void movesMoneyBetweenTheAccountsEachKindOfTransferNames() {
    Transfer in = FundFixtures.appropriation("t-1", Money.ofYuan(10));
    Transfer gift = FundFixtures.donation("t-2", OTHER_COUNTY, 2026, Money.ofYuan(10));
    Transfer paid = FundFixtures.payment("t-3", "h-1", Money.ofYuan(1));

    assertThat(in.from()).isEqualTo(FundFixtures.appropriationAccount());
    assertThat(in.to()).isEqualTo(FundFixtures.pool());
    assertThat(gift.from()).isEqualTo(AccountRef.donation(OTHER_COUNTY, 2026));
    assertThat(gift.to()).isEqualTo(AccountRef.pool(OTHER_COUNTY, 2026));
    assertThat(paid.from()).isEqualTo(FundFixtures.pool());
    assertThat(paid.to()).isEqualTo(FundFixtures.aidPaid("h-1"));
    assertThat(paid.applicationId()).isPresent();
    assertThat(paid.batchId()).isPresent();
    assertThat(paid.purpose()).isPresent();
  }

  @Test
  void aReversalSwapsTheAccountsOfItsOriginalAndNamesIt() {
    Transfer paid = FundFixtures.payment("t-3", "h-1", Money.ofFen(123));

    Transfer undone = FundFixtures.reversal("t-4", paid);

    assertThat(undone.kind()).isEqualTo(TransferKind.REVERSAL);
    assertThat(undone.reverses()).contains("t-3");
    assertThat(undone.from()).isEqualTo(paid.to());
    assertThat(undone.to()).isEqualTo(paid.from());
    assertThat(undone.amount()).isEqualTo(paid.amount());
    assertThat(undone.applicationId()).isEqualTo(paid.applicationId());
  }

  @Test
  void listsEveryKindOfAccountOfAFund() {
    List<AccountRef> accounts = FundFixtures.accountsOf(COUNTY, 2025, List.of("h-1", "h-2"));

    assertThat(accounts).extracting(AccountRef::kind).containsExactly(AccountKind.APPROPRIATION,
        AccountKind.DONATION, AccountKind.POOL, AccountKind.AID_PAID, AccountKind.AID_PAID);
    assertThat(accounts).doesNotHaveDuplicates();
  }

  @Test
  void buildsNewApplicationsAndTheirNextVersions() {
    AidApplication a = FundFixtures.aidApplication("aid-1", "h-1", VILLAGE);
    AidApplication detailed = FundFixtures.detailedAidApplication("aid-2", "h-1", VILLAGE);

    assertThat(a.version()).isEqualTo(1);
    assertThat(a.generalPoliciesReceived()).isNotEmpty();
    assertThat(FundFixtures.advanced(a, AidApplicationState.VILLAGE_STUDIED).version()).isEqualTo(2);
    assertThat(detailed.version()).isEqualTo(1);
    assertThat(List.of(detailed.village(), detailed.township(), detailed.county(), detailed.paymentId(),
        detailed.batchId(), detailed.reversalId())).allSatisfy(o -> assertThat(o).isPresent());
  }
}
