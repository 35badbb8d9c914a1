/**
 * The {@code corrections} module: the centers' correction workbooks, written with the
 * findings, and mailed to each center once per workbook and address ({@code mail_log},
 * which the committee's pack uses too).
 */
@NullMarked
package kr.seoul.sogong.outcomes.corrections;

import org.jspecify.annotations.NullMarked;
