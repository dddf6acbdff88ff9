/**
 * The audit trail (审计留痕): sealing records into a hash chain per county and verifying a chain.
 */
package org.fangfanpin.core.audit;
