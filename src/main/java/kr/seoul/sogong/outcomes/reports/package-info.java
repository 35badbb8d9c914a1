/**
 * The {@code reports} module: the committee's and the operator's files: CSV, workbook,
 * page, manifest, whole outputs; the committee's pack by mail when its tables change.
 */
@NullMarked
package kr.seoul.sogong.outcomes.reports;

import org.jspecify.annotations.NullMarked;
