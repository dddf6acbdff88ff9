/**
 * The special fund (防返贫专项资金) as a double-entry ledger: accounts per county and fund year,
 * transfers that are never changed or deleted, and aid applications through the tiers of seed
 * 000 (个人申请、村社研究、镇办审核、县级审定、统一救助).
 */
@FangFanPinStyle
package org.fangfanpin.spi.fund;

import org.fangfanpin.spi.FangFanPinStyle;
