/**
 * The {@code scans} module: reads on the second core: a read on a thread and read-only
 * transaction of its own, beside the step's (the outcome tables' outcomes digests).
 */
@NullMarked
package kr.seoul.sogong.outcomes.scans;

import org.jspecify.annotations.NullMarked;
