package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.intake.Column.Stored;

/** The budget's columns (sheet 예산), in the order of {@link SourceKind#BUDGET}'s. */
public enum BudgetColumn implements ColumnRef {

    CENTER_CODE(Column.required("센터코드", "center_code", Stored.NONE)),
    ITEM(Column.required("비목", "item", Stored.text(300))),
    PLANNED_KRW(Column.required("계획금액_원", "planned_krw", Column.MONEY)),
    EXECUTED_KRW(Column.required("집행금액_원", "executed_krw", Column.MONEY));

    private final Column column;

    BudgetColumn(Column column) {
        this.column = column;
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.BUDGET;
    }

}
