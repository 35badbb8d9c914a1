/**
 * The {@code tables} module: the outcome tables: computed, stored, year over year.
 */
@NullMarked
package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.NullMarked;
