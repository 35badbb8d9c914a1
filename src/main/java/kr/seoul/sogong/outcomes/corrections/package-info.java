/**
 * The {@code corrections} module: the centers' correction workbooks, written with the
 * findings.
 */
@NullMarked
package kr.seoul.sogong.outcomes.corrections;

import org.jspecify.annotations.NullMarked;
