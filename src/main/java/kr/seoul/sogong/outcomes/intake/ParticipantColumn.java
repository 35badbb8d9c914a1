package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.intake.Column.Stored;

/**
 * The participants' columns (sheet 참여기업), in the order of
 * {@link SourceKind#PARTICIPANTS}'s.
 */
public enum ParticipantColumn implements ColumnRef {

    CENTER_CODE(Column.required("센터코드", "center_code", Stored.NONE)),
    BRN(Column.required("사업자등록번호", "brn", Stored.NONE)),
    FIRM_NAME(Column.required("업체명", "firm_name", Stored.text(300))),
    SUPPORT(Column.optional("지원내용", "support", Stored.text(1000))),
    START_DATE(Column.required("지원시작일", "start_date", Stored.NONE)),
    END_DATE(Column.required("지원종료일", "end_date", Stored.NONE)),
    EDUCATION_HOURS(Column.optional("교육이수시간", "education_hours", Stored.decimal(12, 2))),
    COMPLETED(Column.required("수료여부", "completed", Stored.NONE));

    private final Column column;

    ParticipantColumn(Column column) {
        this.column = column;
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.PARTICIPANTS;
    }

}
