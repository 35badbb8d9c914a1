/**
 * The {@code intake} module: files → rows and nothing else: CSV and workbook readers
 * ({@code .xlsx} event API, {@code .xls}), headers as people write them, text
 * normalisation, the kinds of file and of row, and each kind's columns as an enum
 * (header, alias, required flag and storage limit stated once, read by the rules through
 * {@code ColumnRef}).
 */
@NullMarked
package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.NullMarked;
