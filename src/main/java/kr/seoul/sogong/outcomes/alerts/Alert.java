package kr.seoul.sogong.outcomes.alerts;

import org.jspecify.annotations.Nullable;

/**
 * One alert: the round, the execution, how it ended, the last ERROR line, the round's
 * findings by severity and a link to the console's round page.
 */
public record Alert(AlertKind kind, int round, @Nullable Long executionId, int exitCode, @Nullable String lastError,
        long rejects, long warnings, @Nullable String link) {
}
