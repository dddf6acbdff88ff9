/**
 * The special fund (防返贫专项资金): appropriations and donations into the pool, aid applications
 * through the tiers of seed 000, payment in batches under the caps, reversals and the fund
 * statement.
 */
package org.fangfanpin.core.fund;
