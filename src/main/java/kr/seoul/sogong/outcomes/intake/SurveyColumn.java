package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.intake.Column.Stored;
import kr.seoul.sogong.outcomes.rows.SurveyItem;

/** The survey's columns (contract §2), in the order of {@link SourceKind#SURVEY}'s. */
public enum SurveyColumn implements ColumnRef {

    RESPONSE_ID(Column.required("응답번호", "response_id", Stored.text(200)).withMadeValue()),
    SUBMITTED_AT(Column.required("제출일시", "submitted_at", Stored.NONE).alsoNamed("타임스탬프", "timestamp")),
    BRN(Column.required("사업자등록번호", "brn", Stored.NONE)),
    FIRM_NAME(Column.required("업체명", "firm_name", Stored.text(300))),
    CENTER(Column.required("소속센터", "center", Stored.NONE)),
    EMPLOYEES(Column.optional("상시근로자수", "employees", Column.INTEGER)), Q1(item(SurveyItem.Q1)), Q2(item(SurveyItem.Q2)),
    Q3(item(SurveyItem.Q3)), Q4(item(SurveyItem.Q4)), Q5(item(SurveyItem.Q5)), Q6(item(SurveyItem.Q6)),
    NEEDS(Column.optional("희망지원분야", "needs", Stored.NONE)),
    COMMENT(Column.optional("기타의견", "comment", Stored.text(10000)));

    private final Column column;

    SurveyColumn(Column column) {
        this.column = column;
    }

    /** A satisfaction item's column, optional (a blank answer is no rating). */
    private static Column item(SurveyItem item) {
        return Column.optional(item.header(), item.code(), Stored.NONE);
    }

    /** The column that holds the answers to an item. */
    public static SurveyColumn answersTo(SurveyItem item) {
        return ANSWERS[item.ordinal()];
    }

    /** By item, in order: asked for every item of every response. */
    private static final SurveyColumn[] ANSWERS = { Q1, Q2, Q3, Q4, Q5, Q6 };

    @Override
    public Column column() {
        return column;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SURVEY;
    }

}
