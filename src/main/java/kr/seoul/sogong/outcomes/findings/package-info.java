/**
 * The {@code findings} module: a finding, its rule and severity: what every other module
 * reports in.
 */
@NullMarked
package kr.seoul.sogong.outcomes.findings;

import org.jspecify.annotations.NullMarked;
