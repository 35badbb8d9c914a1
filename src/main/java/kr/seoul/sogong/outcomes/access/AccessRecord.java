package kr.seoul.sogong.outcomes.access;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One access: when, who, from where, what kind, what (the path, with the round), why (a
 * download's reason, when given), and the answer's status.
 */
public record AccessRecord(LocalDateTime at, String userName, String address, AccessKind kind, String target,
        @Nullable String reason, int status) {
}
