/**
 * The {@code operations} module: the command line: launch, lock, recovery, stop, status,
 * purge, logs.
 */
@NullMarked
package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.NullMarked;
