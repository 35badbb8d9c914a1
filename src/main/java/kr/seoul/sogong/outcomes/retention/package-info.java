/**
 * The {@code retention} module: personal data has a lifetime. A round past
 * {@code outcomes.retention.personal-data} has its rows, findings, digests, verdicts,
 * centers' addresses and mails destroyed, its rejects, corrections and kits deleted, and
 * a line in the destruction ledger (파기 관리대장); the committee's tables stay.
 */
@NullMarked
package kr.seoul.sogong.outcomes.retention;

import org.jspecify.annotations.NullMarked;
