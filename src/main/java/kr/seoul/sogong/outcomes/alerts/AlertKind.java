package kr.seoul.sogong.outcomes.alerts;

import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import org.jspecify.annotations.Nullable;

/** What an alert tells. */
public enum AlertKind {

    FAILED, QUALITY_GATE, STOPPED, REFUSED,
    /** A run of the round was left running by a killed process, and marked FAILED. */
    KILLED,
    /** The round completed after an alert about it. */
    RECOVERED;

    /** The alert a run's end calls for, or null for a completed run. */
    static @Nullable AlertKind of(RoundRunEnded.End end) {
        return switch (end) {
            case COMPLETED -> null;
            case FAILED -> FAILED;
            case QUALITY_GATE -> QUALITY_GATE;
            case STOPPED -> STOPPED;
            case REFUSED -> REFUSED;
        };
    }

}
