/**
 * The {@code alerts} module: telling the operator how a night went without anyone
 * watching it — a failed, gate-stopped, stopped, refused or killed run by mail and
 * webhook, once per round and outcome within a cooldown, and "recovered" when the round
 * completes again.
 */
@NullMarked
package kr.seoul.sogong.outcomes.alerts;

import org.jspecify.annotations.NullMarked;
