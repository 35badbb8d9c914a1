/**
 * The {@code rows} module: the accepted rows, one record per table, under one sealed
 * interface: each knows its table and values; the business registration number.
 */
@NullMarked
package kr.seoul.sogong.outcomes.rows;

import org.jspecify.annotations.NullMarked;
