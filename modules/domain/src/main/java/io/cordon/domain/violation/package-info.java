/**
 * Violations at the gates, the penalty ladder that decides their sanctions from the offender's
 * history (proposal 000 §2.2, 违规处理办法), the blacklist with expiring entries, and appeals.
 */
package io.cordon.domain.violation;
