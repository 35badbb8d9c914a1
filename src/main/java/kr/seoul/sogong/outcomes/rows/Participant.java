package kr.seoul.sogong.outcomes.rows;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/** A row of a center's 참여기업 sheet that passed every single-row rule. */
public record Participant(String centerCode, String brn, String firmName, @Nullable String support, LocalDate startDate,
        LocalDate endDate, @Nullable BigDecimal educationHours, boolean completed) implements FirmRow {

    @Override
    public RowTable table() {
        return RowTable.PARTICIPANT;
    }

    @Override
    public List<String> columns() {
        return List.of("center_code", "brn", "firm_name", "support", "start_date", "end_date", "education_hours",
                "completed");
    }

    @Override
    public void addValuesTo(List<Object> row) {
        Collections.addAll(row, centerCode, brn, firmName, support, startDate, endDate, educationHours, completed);
    }
}
