package kr.seoul.sogong.outcomes.rows;

import org.jspecify.annotations.Nullable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/** A survey response that passed every single-row rule. */
public record SurveyResponse(String responseId, LocalDateTime submittedAt, String brn, String firmName,
        String centerCode, @Nullable Integer employees, Answers answers, EnumSet<Need> needs,
        @Nullable String comment) implements FirmRow {

    /** The six satisfaction items: 1 to 5, 9 for 모름, null for blank. */
    public record Answers(@Nullable Integer q1, @Nullable Integer q2, @Nullable Integer q3, @Nullable Integer q4,
            @Nullable Integer q5, @Nullable Integer q6) {
    }

    private static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(
                List.of("response_id", "submitted_at", "brn", "firm_name", "center_code", "employees"));
        for (SurveyItem item : SurveyItem.values()) {
            columns.add(item.code());
        }
        for (Need n : Need.values()) {
            columns.add(n.column());
        }
        columns.add("comment_text");
        COLUMNS = List.copyOf(columns);
    }

    @Override
    public RowTable table() {
        return RowTable.SURVEY_RESPONSE;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void addValuesTo(List<Object> row) {
        Collections.addAll(row, responseId, submittedAt, brn, firmName, centerCode, employees);
        Collections.addAll(row, answers.q1(), answers.q2(), answers.q3(), answers.q4(), answers.q5(), answers.q6());
        for (Need n : Need.values()) {
            row.add(needs.contains(n));
        }
        row.add(comment);
    }
}
