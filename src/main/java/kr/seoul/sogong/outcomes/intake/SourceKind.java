package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.seoul.sogong.outcomes.intake.Column.Stored;

/**
 * The four kinds of data rows a round holds (contract §2), with their columns and sheet
 * names.
 */
public enum SourceKind {

    SURVEY(null, null, List.of(Column.required("응답번호", "response_id", Stored.text(200)).withMadeValue(),
            Column.required("제출일시", "submitted_at", Stored.NONE).alsoNamed("타임스탬프", "timestamp"),
            Column.required("사업자등록번호", "brn", Stored.NONE), Column.required("업체명", "firm_name", Stored.text(300)),
            Column.required("소속센터", "center", Stored.NONE), Column.optional("상시근로자수", "employees", Column.INTEGER),
            item(SurveyItem.Q1), item(SurveyItem.Q2), item(SurveyItem.Q3), item(SurveyItem.Q4), item(SurveyItem.Q5),
            item(SurveyItem.Q6), Column.optional("희망지원분야", "needs", Stored.NONE),
            Column.optional("기타의견", "comment", Stored.text(10000)))),
    PARTICIPANTS("참여기업", "participants", List.of(Column.required("센터코드", "center_code", Stored.NONE),
            Column.required("사업자등록번호", "brn", Stored.NONE), Column.required("업체명", "firm_name", Stored.text(300)),
            Column.optional("지원내용", "support", Stored.text(1000)), Column.required("지원시작일", "start_date", Stored.NONE),
            Column.required("지원종료일", "end_date", Stored.NONE),
            Column.optional("교육이수시간", "education_hours", Stored.decimal(12, 2)),
            Column.required("수료여부", "completed", Stored.NONE))),
    OUTCOMES("성과", "outcomes",
            List.of(Column.required("센터코드", "center_code", Stored.NONE), Column.required("사업자등록번호", "brn", Stored.NONE),
                    Column.optional("지원전매출_천원", "sales_before_k", Stored.decimal(20, 3)),
                    Column.optional("지원후매출_천원", "sales_after_k", Stored.decimal(20, 3)),
                    Column.optional("신규거래처수", "new_clients", Column.INTEGER),
                    Column.optional("신규수주건수", "new_orders", Column.INTEGER),
                    Column.optional("온라인입점", "online_listed", Stored.NONE),
                    Column.optional("개발패턴수", "patterns", Column.INTEGER))),
    BUDGET("예산", "budget", List.of(Column.required("센터코드", "center_code", Stored.NONE),
            Column.required("비목", "item", Stored.text(300)), Column.required("계획금액_원", "planned_krw", Column.MONEY),
            Column.required("집행금액_원", "executed_krw", Column.MONEY)));

    /** The results kinds, in the order their sheets are expected in a workbook. */
    public static final List<SourceKind> RESULTS = List.of(PARTICIPANTS, OUTCOMES, BUDGET);

    private final String koreanSheet;

    private final String englishSheet;

    private final List<Column> columns;

    private final java.util.Map<String, Integer> indexByAlias = new java.util.HashMap<>();

    private final String[] aliases;

    /** A satisfaction item's column, optional (a blank answer is no rating). */
    private static Column item(SurveyItem item) {
        return Column.optional(item.header(), item.code(), Stored.NONE);
    }

    SourceKind(String koreanSheet, String englishSheet, List<Column> columns) {
        this.koreanSheet = koreanSheet;
        this.englishSheet = englishSheet;
        this.columns = columns;
        this.aliases = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            indexByAlias.put(columns.get(i).alias(), i);
            aliases[i] = columns.get(i).alias();
        }
    }

    /**
     * The position of a column among {@link #columns()}, or -1. Asked for every field of
     * every row, with the rules' constant (interned) aliases: a pass comparing references
     * finds them before any hashing.
     */
    public int indexOf(String alias) {
        for (int i = 0; i < aliases.length; i++) {
            if (aliases[i] == alias) {
                return i;
            }
        }
        Integer i = indexByAlias.get(alias);
        return i == null ? -1 : i;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column of this kind with that alias. */
    public Column column(String alias) {
        int i = indexOf(alias);
        Column c = i < 0 ? null : columns.get(i);
        if (c == null) {
            throw new IllegalArgumentException(alias + " is not a column of " + this);
        }
        return c;
    }

    public String koreanSheet() {
        return koreanSheet;
    }

    public String englishSheet() {
        return englishSheet;
    }

    /** A sheet's name, compared as headers are (contract §9). */
    public boolean matchesSheet(String sheetName) {
        String s = HeaderKey.of(sheetName);
        return !s.isEmpty() && (s.equals(HeaderKey.of(koreanSheet)) || s.equals(HeaderKey.of(englishSheet)));
    }

    /**
     * A results CSV names its sheet in its file name: {@code <anything>_participants.csv}
     * (or {@code _참여기업.csv}).
     */
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
