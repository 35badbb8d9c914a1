/**
 * The {@code centers} module: the round's centers: {@code centers.csv} read and checked,
 * the directory the rules look codes and names up in.
 */
@NullMarked
package kr.seoul.sogong.outcomes.centers;

import org.jspecify.annotations.NullMarked;
