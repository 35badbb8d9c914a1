package kr.seoul.sogong.outcomes.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four kinds of data rows a round holds (contract §2), with their columns and sheet names. */
public enum SourceKind {
    SURVEY(null, null, List.of(
            Column.required("응답번호", "response_id"),
            Column.required("제출일시", "submitted_at"),
            Column.required("사업자등록번호", "brn"),
            Column.required("업체명", "firm_name"),
            Column.required("소속센터", "center"),
            Column.optional("상시근로자수", "employees"),
            Column.optional("문1_전반만족", "q1"),
            Column.optional("문2_교육컨설팅만족", "q2"),
            Column.optional("문3_판로홍보만족", "q3"),
            Column.optional("문4_센터운영만족", "q4"),
            Column.optional("문5_재참여의향", "q5"),
            Column.optional("문6_추천의향", "q6"),
            Column.optional("희망지원분야", "needs"),
            Column.optional("기타의견", "comment"))),
    PARTICIPANTS("참여기업", "participants", List.of(
            Column.required("센터코드", "center_code"),
            Column.required("사업자등록번호", "brn"),
            Column.required("업체명", "firm_name"),
            Column.optional("지원내용", "support"),
            Column.required("지원시작일", "start_date"),
            Column.required("지원종료일", "end_date"),
            Column.optional("교육이수시간", "education_hours"),
            Column.required("수료여부", "completed"))),
    OUTCOMES("성과", "outcomes", List.of(
            Column.required("센터코드", "center_code"),
            Column.required("사업자등록번호", "brn"),
            Column.optional("지원전매출_천원", "sales_before_k"),
            Column.optional("지원후매출_천원", "sales_after_k"),
            Column.optional("신규거래처수", "new_clients"),
            Column.optional("신규수주건수", "new_orders"),
            Column.optional("온라인입점", "online_listed"),
            Column.optional("개발패턴수", "patterns"))),
    BUDGET("예산", "budget", List.of(
            Column.required("센터코드", "center_code"),
            Column.required("비목", "item"),
            Column.required("계획금액_원", "planned_krw"),
            Column.required("집행금액_원", "executed_krw")));

    /** The results kinds, in the order their sheets are expected in a workbook. */
    public static final List<SourceKind> RESULTS = List.of(PARTICIPANTS, OUTCOMES, BUDGET);

    private final String koreanSheet;
    private final String englishSheet;
    private final List<Column> columns;

    SourceKind(String koreanSheet, String englishSheet, List<Column> columns) {
        this.koreanSheet = koreanSheet;
        this.englishSheet = englishSheet;
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    public String koreanSheet() {
        return koreanSheet;
    }

    public String englishSheet() {
        return englishSheet;
    }

    public boolean matchesSheet(String sheetName) {
        String s = Column.normalizeHeader(sheetName);
        return s.equals(koreanSheet) || s.equals(englishSheet);
    }

    /** A results CSV names its sheet in its file name: {@code <anything>_participants.csv} (or {@code _참여기업.csv}). */
    public static Optional<SourceKind> ofResultsCsv(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (SourceKind kind : RESULTS) {
            if (lower.endsWith("_" + kind.englishSheet + ".csv") || lower.endsWith("_" + kind.koreanSheet + ".csv")) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
