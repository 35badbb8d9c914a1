package kr.seoul.sogong.outcomes.settings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a run of a round ended, published once per run (command line, {@code nightly} and
 * console alike) for whoever must be told.
 *
 * @param executionId the execution that ran, or null when none started (refused, or the
 * database went away first)
 * @param line the last ERROR line the run logged, or null when it ended well
 * @param recoveredAfterKill executions of the round a killed process had left running,
 * marked FAILED before this run resumed them
 */
public record RoundRunEnded(int round, @Nullable Long executionId, int exitCode, @Nullable String line,
        List<Long> recoveredAfterKill) {

    /** How it ended, in the words an alert uses. */
    public enum End {

        COMPLETED, FAILED, QUALITY_GATE, STOPPED, REFUSED;

        public static End of(int exitCode) {
            return switch (exitCode) {
                case ExitCodes.COMPLETED -> COMPLETED;
                case ExitCodes.QUALITY_GATE -> QUALITY_GATE;
                case ExitCodes.STOPPED -> STOPPED;
                case ExitCodes.ALREADY_RUNNING -> REFUSED;
                default -> FAILED;
            };
        }

    }

    public End end() {
        return End.of(exitCode);
    }

}
