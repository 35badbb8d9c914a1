/**
 * The {@code operations} module: the command line: launch, lock, recovery, stop, status
 * (and {@code --check}: did it run), purge, logs; the nightly health and its metric.
 */
@NullMarked
package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.NullMarked;
