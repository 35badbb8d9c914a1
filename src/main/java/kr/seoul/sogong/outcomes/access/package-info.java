/**
 * The {@code access} module: the access record (접속기록) — every sign-in (succeeded, failed,
 * refused), every view or download of row-level data and every action in the console,
 * with user, address, time, what and why; kept {@code outcomes.access-log.retention} (two
 * years) and purged after.
 */
@NullMarked
package kr.seoul.sogong.outcomes.access;

import org.jspecify.annotations.NullMarked;
