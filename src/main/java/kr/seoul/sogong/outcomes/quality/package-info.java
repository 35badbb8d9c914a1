/**
 * The {@code quality} module: findings counted per file, the quality gate (a step of its
 * own).
 */
@NullMarked
package kr.seoul.sogong.outcomes.quality;

import org.jspecify.annotations.NullMarked;
