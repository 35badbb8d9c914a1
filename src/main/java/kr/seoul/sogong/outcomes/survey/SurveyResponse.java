package kr.seoul.sogong.outcomes.survey;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import kr.seoul.sogong.outcomes.intake.AcceptedRow;

/**
 * A survey response that passed every single-row rule; {@code q} holds q1..q6 (9 = 모름,
 * null = blank).
 */
public record SurveyResponse(String responseId, LocalDateTime submittedAt, String brn, String firmName,
        String centerCode, Integer employees, Integer[] q, EnumSet<Need> needs, String comment) implements AcceptedRow {

    private static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("response_id", "submitted_at", "brn", "firm_name", "center_code",
                "employees", "q1", "q2", "q3", "q4", "q5", "q6"));
        for (Need n : Need.values()) {
            columns.add(n.column());
        }
        columns.add("comment_text");
        COLUMNS = List.copyOf(columns);
    }

    @Override
    public String table() {
        return "survey_response";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void addValuesTo(List<Object> row) {
        Collections.addAll(row, responseId, submittedAt, brn, firmName, centerCode, employees);
        Collections.addAll(row, (Object[]) q);
        for (Need n : Need.values()) {
            row.add(needs.contains(n));
        }
        row.add(comment);
    }
}
