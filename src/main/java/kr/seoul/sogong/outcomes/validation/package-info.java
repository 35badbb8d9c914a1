/**
 * The {@code validation} module: every single-row rule: the processor, the survey's and
 * the results' validators, typed reading of a row's fields under the contract's rules,
 * the row as judged.
 */
@NullMarked
package kr.seoul.sogong.outcomes.validation;

import org.jspecify.annotations.NullMarked;
