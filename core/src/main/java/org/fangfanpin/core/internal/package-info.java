/**
 * Plumbing shared by the use cases of every capability: the wired ports, the unit-of-work
 * helper, the recording of audit records and events. Public only because Java has no friend
 * packages; not part of the API, and may change without notice.
 */
package org.fangfanpin.core.internal;
