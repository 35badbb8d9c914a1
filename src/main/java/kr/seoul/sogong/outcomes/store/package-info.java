/**
 * The {@code store} module: what the ingest writes and the later steps read, one owner
 * per table, each the only class with SQL on it
 * ({@code ModuleRulesTest.eachTableHasOneOwnerOfItsSql}): the files and centers
 * ({@code IntakeStore}), the rows' digests ({@code DigestStore}), the findings
 * ({@code FindingStore}, {@code FindingFilter}), the four row tables ({@code RowTables}),
 * the rows set apart ({@code VerdictStore}, {@code Verdict}); which database it is
 * ({@code Dialect}, from Spring Batch's {@code DatabaseType}); a lost connection or
 * commit told apart from a bug.
 */
@NullMarked
package kr.seoul.sogong.outcomes.store;

import org.jspecify.annotations.NullMarked;
