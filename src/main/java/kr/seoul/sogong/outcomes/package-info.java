/**
 * The command line's entry ({@code OutcomesApplication}) and the job's flow
 * ({@code OutcomesJobConfiguration}); the capabilities live in the packages below, see
 * {@code docs/modules.md}.
 */
@NullMarked
package kr.seoul.sogong.outcomes;

import org.jspecify.annotations.NullMarked;
