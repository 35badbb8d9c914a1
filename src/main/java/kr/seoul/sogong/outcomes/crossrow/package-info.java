/**
 * The {@code crossrow} module: the rules across rows, judged on the digests as sorted
 * columns ({@code KeyedRows}, inside).
 */
@NullMarked
package kr.seoul.sogong.outcomes.crossrow;

import org.jspecify.annotations.NullMarked;
