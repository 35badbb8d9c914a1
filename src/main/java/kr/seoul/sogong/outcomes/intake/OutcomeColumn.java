package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.intake.Column.Stored;

/** The outcomes' columns (sheet 성과), in the order of {@link SourceKind#OUTCOMES}'s. */
public enum OutcomeColumn implements ColumnRef {

    CENTER_CODE(Column.required("센터코드", "center_code", Stored.NONE)),
    BRN(Column.required("사업자등록번호", "brn", Stored.NONE)),
    SALES_BEFORE_K(Column.optional("지원전매출_천원", "sales_before_k", Stored.decimal(20, 3))),
    SALES_AFTER_K(Column.optional("지원후매출_천원", "sales_after_k", Stored.decimal(20, 3))),
    NEW_CLIENTS(Column.optional("신규거래처수", "new_clients", Column.INTEGER)),
    NEW_ORDERS(Column.optional("신규수주건수", "new_orders", Column.INTEGER)),
    ONLINE_LISTED(Column.optional("온라인입점", "online_listed", Stored.NONE)),
    PATTERNS(Column.optional("개발패턴수", "patterns", Column.INTEGER));

    private final Column column;

    OutcomeColumn(Column column) {
        this.column = column;
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.OUTCOMES;
    }

}
