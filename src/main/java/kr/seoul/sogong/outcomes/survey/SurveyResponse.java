package kr.seoul.sogong.outcomes.survey;

import java.time.LocalDateTime;
import java.util.EnumSet;

/** A survey response that passed every single-row rule; {@code q} holds q1..q6 (9 = 모름, null = blank). */
public record SurveyResponse(String responseId, LocalDateTime submittedAt, String brn, String firmName,
        String centerCode, Integer employees, Integer[] q, EnumSet<Need> needs, String comment) {
}
