package kr.seoul.sogong.outcomes.rows;

import java.util.Collections;
import java.util.List;

/** A row of a center's 예산 sheet. */
public record BudgetLine(String centerCode, String item, long plannedKrw, long executedKrw) implements AcceptedRow {

    @Override
    public RowTable table() {
        return RowTable.BUDGET_LINE;
    }

    @Override
    public List<String> columns() {
        return List.of("center_code", "item", "planned_krw", "executed_krw");
    }

    @Override
    public void addValuesTo(List<Object> row) {
        Collections.addAll(row, centerCode, item, plannedKrw, executedKrw);
    }
}
