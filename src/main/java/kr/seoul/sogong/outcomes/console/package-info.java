/**
 * The {@code console} module: the operator console ({@code serve}): pages, JSON API,
 * sign-in, users file, actions through {@code RoundRunner}.
 */
@NullMarked
package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.NullMarked;
