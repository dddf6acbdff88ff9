package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.TransientStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a database failure means to the ports (数据库异常的含义): a taken key, a failure worth running
 * the unit of work again, a value no column holds, or an infrastructure fault; the messages name
 * the table and the SQLState, never the database's own text, which may quote a value.
 */
class SqlFailuresTest {

  @Test
  void aUniqueViolationIsADuplicateKey() {
    RuntimeException e =
        SqlFailures.translate(new SQLException("Key (id)=(secret) already exists", "23505"), "ffp_case");

    assertThat(e).isInstanceOf(DuplicateKeyException.class).hasMessageContaining("ffp_case")
        .hasMessageNotContaining("secret").hasNoCause();
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01", "HYT00", "55P03", "08006", "08003", "57P01", "57P02", "57P03"})
  void serializationFailuresDeadlocksLockTimeoutsAndLostConnectionsAreTransient(String state) {
    SQLException cause = new SQLException("failed", state);

    RuntimeException e = SqlFailures.translate(cause, "ffp_transfer");

    assertThat(e).isInstanceOf(TransientStoreException.class).hasCause(cause)
        .hasMessageContaining("ffp_transfer").hasMessageContaining(state);
  }

  @Test
  void aValueTheDatabaseCannotHoldIsAnIllegalArgumentWithoutTheDatabasesText() {
    RuntimeException e = SqlFailures.translate(new SQLException("value 'secret' too long", "22001"), "ffp_signal");

    assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffp_signal")
        .hasMessageContaining("22001").hasMessageNotContaining("secret").hasNoCause();
  }

  @Test
  void anythingElseIsAnInfrastructureFault() {
    RuntimeException e = SqlFailures.translate(new SQLException("relation missing", "42P01"), "ffp_audit");

    assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("42P01");
  }

  @Test
  void theStateIsTakenFromTheChainWhenTheOuterFailureHasNone() {
    SQLException outer = new SQLException("batch failed");
    outer.setNextException(new SQLException("deadlock", "40P01"));

    assertThat(SqlFailures.translate(outer, "ffp_claim")).isInstanceOf(TransientStoreException.class);
  }
}
