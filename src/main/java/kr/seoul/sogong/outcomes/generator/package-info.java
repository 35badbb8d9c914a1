/**
 * The {@code generator} module: the sample and synthetic rounds, behind the explicit
 * {@code
 * generate} command.
 */
@NullMarked
package kr.seoul.sogong.outcomes.generator;

import org.jspecify.annotations.NullMarked;
