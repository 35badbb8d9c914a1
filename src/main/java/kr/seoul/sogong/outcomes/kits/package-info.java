/**
 * The {@code kits} module: the centers' input kit ({@code kit round=}): results and
 * survey workbooks with data validation.
 */
@NullMarked
package kr.seoul.sogong.outcomes.kits;

import org.jspecify.annotations.NullMarked;
