package kr.seoul.sogong.outcomes.reports;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.tables.YoyMetric;
import kr.seoul.sogong.outcomes.rows.SurveyItem;
import static kr.seoul.sogong.outcomes.reports.ExportFormat.BOOLEAN;
import static kr.seoul.sogong.outcomes.reports.ExportFormat.INTEGER;
import static kr.seoul.sogong.outcomes.reports.ExportFormat.ONE_DECIMAL;
import static kr.seoul.sogong.outcomes.reports.ExportFormat.TEXT;
import static kr.seoul.sogong.outcomes.reports.ExportFormat.TWO_DECIMALS;
import static kr.seoul.sogong.outcomes.reports.ExportFormat.YEAR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.seoul.sogong.outcomes.tables.CommonCenters;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;
import kr.seoul.sogong.outcomes.quality.DataQuality.FileQuality;
import kr.seoul.sogong.outcomes.reports.ReportTable.Column;

/**
 * The tables of contract §5 (all but rejects), with their columns, formats and Korean
 * labels.
 */
public final class CommitteeTables {

    /**
     * Why a printed delta may differ by 0.1 from the printed values' difference (the
     * contract computes at full precision, then rounds): said where the deltas are read.
     */
    static final String YOY_ROUNDING = "증감은 반올림 전 값으로 계산한 뒤 반올림하므로, 표시된 올해·전년 값의 차와 0.1 다를 수 있음";

    private CommitteeTables() {
    }

    /**
     * A column with the format of its cells; null: each row's cell says (year over year).
     */
    private record Col(String header, String label, @Nullable ExportFormat format) {
    }

    private static Col c(String header, String label, @Nullable ExportFormat format) {
        return new Col(header, label, format);
    }

    /** The statistics withheld in a small cell (contract §4, min_cell). */
    private static final Set<String> WITHHELD = Set.of("mean", "ci95_low", "ci95_high", "top2_pct", "score100");

    /**
     * Builds a table's lines: each cell takes its column's format, the ALL row is marked.
     */
    private static final class Builder {

        private final @Nullable String file;

        private final String title;

        private final List<Col> columns;

        private final List<ReportTable.Line> lines = new ArrayList<>();

        private final Map<String, String> centerNames;

        Builder(@Nullable String file, String title, Map<String, String> centerNames, List<Col> columns) {
            this.file = file;
            this.title = title;
            this.columns = columns;
            this.centerNames = centerNames;
        }

        /**
         * The words for a code: a center's name (전체 for ALL), a survey item's question, a
         * metric's name.
         */
        private @Nullable String words(String header, @Nullable Object value) {
            if (!(value instanceof String code)) {
                return null;
            }
            return switch (header) {
                // 전체 in every table (the CSV keeps ALL, as the contract says); a
                // table with its own center_name column shows a center's code as it is
                case "center_code" -> OutcomeTables.ALL.equals(code) ? CommitteeWords.ALL_CENTERS
                        : columns.stream().anyMatch(c -> c.header().equals("center_name")) ? null
                                : centerNames.get(code);
                case "item" -> SurveyItem.ofCode(code).map(SurveyItem::label).orElse(null);
                case "metric" -> YoyMetric.find(code).map(YoyMetric::label).orElse(null);
                default -> null;
            };
        }

        Builder row(@Nullable Object... values) {
            return styledRow(false, null, values);
        }

        /**
         * @param suppressed the row's small-cell statistics are withheld
         * @param valueFormat the format of cells whose column has none, or null
         */
        Builder styledRow(boolean suppressed, @Nullable ExportFormat valueFormat, @Nullable Object... values) {
            List<ReportTable.Cell> cells = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                Col col = columns.get(i);
                ExportFormat format = Objects.requireNonNull(col.format() != null ? col.format() : valueFormat,
                        "a column without a format takes the row's");
                cells.add(new ReportTable.Cell(values[i], format, suppressed && WITHHELD.contains(col.header()),
                        words(col.header(), values[i])));
            }
            lines.add(new ReportTable.Line(cells,
                    columns.get(1).header().equals("center_code") && OutcomeTables.ALL.equals(values[1])));
            return this;
        }

        ReportTable table(@Nullable String note, @Nullable String suppressionNote) {
            return new ReportTable(file, title, columns.stream().map(c -> new Column(c.header(), c.label())).toList(),
                    lines, note, suppressionNote);
        }

    }

    public static List<ReportTable> of(OutcomeTables t, List<FileQuality> quality) {
        return of(t, quality, null);
    }

    /**
     * @param common year over year over the centers in both rounds, or null without a
     * previous round: a table of the page and the workbook only (no CSV)
     */
    public static List<ReportTable> of(OutcomeTables t, List<FileQuality> quality, @Nullable CommonCenters common) {
        int r = t.round();
        Map<String, String> names = new java.util.HashMap<>();
        t.participation().forEach(p -> names.put(p.centerCode(), p.centerName()));
        List<ReportTable> tables = new ArrayList<>();

        Builder participation = new Builder("participation_by_center.csv", "센터별 참여 현황", names,
                List.of(c("round", "연도", YEAR), c("center_code", "센터코드", TEXT), c("center_name", "센터명", TEXT),
                        c("target_firms", "목표 기업수", INTEGER), c("supported_firms", "지원 기업수", INTEGER),
                        c("completed_firms", "수료 기업수", INTEGER), c("completion_rate_pct", "수료율(%)", ONE_DECIMAL),
                        c("survey_responses", "설문 응답수", INTEGER), c("response_rate_pct", "응답률(%)", ONE_DECIMAL)));
        for (var p : t.participation()) {
            participation.row(r, p.centerCode(), p.centerName(), p.targetFirms(), p.supportedFirms(),
                    p.completedFirms(), p.completionRatePct(), p.surveyResponses(), p.responseRatePct());
        }
        tables.add(participation.table("응답률 = 해당 센터 참여기업의 유효 응답 ÷ 지원 기업수 × 100. 설문 응답수는 참여기업 명단에"
                + " 없는 기업의 응답도 세므로, 응답수와 응답률이 서로 맞지 않아 보일 수 있음", null));

        Builder satisfaction = new Builder("satisfaction_by_center.csv", "센터별 만족도", names,
                List.of(c("round", "연도", YEAR), c("center_code", "센터", TEXT), c("item", "문항", TEXT),
                        c("n", "응답수(n)", INTEGER), c("mean", "평균", TWO_DECIMALS),
                        c("ci95_low", "95% 신뢰구간 하한", TWO_DECIMALS), c("ci95_high", "95% 신뢰구간 상한", TWO_DECIMALS),
                        c("top2_pct", "Top-2(%)", ONE_DECIMAL), c("score100", "100점 환산", ONE_DECIMAL),
                        c("suppressed", "비공개", BOOLEAN)));
        for (var s : t.satisfaction()) {
            satisfaction.styledRow(s.suppressed(), null, r, s.centerCode(), s.item().code(), s.n(), s.mean(),
                    s.ci95Low(), s.ci95High(), s.top2Pct(), s.score100(), s.suppressed());
        }
        tables.add(satisfaction.table(null, "— : 응답수가 최소 셀 크기 미만이어서 공개하지 않음 (소규모 집단 보호)"));

        Builder kpi = new Builder("kpi_by_center.csv", "센터별 성과지표", names, List.of(c("round", "연도", YEAR),
                c("center_code", "센터", TEXT), c("firms_with_sales", "매출 비교 기업수", INTEGER),
                c("sales_growth_median_pct", "매출 증가율 중앙값(%)", ONE_DECIMAL), c("new_clients_total", "신규 거래처", INTEGER),
                c("new_orders_total", "신규 수주", INTEGER), c("online_listed_firms", "온라인 입점 기업", INTEGER),
                c("patterns_total", "개발 패턴", INTEGER), c("education_hours_total", "교육 이수시간", ONE_DECIMAL)));
        for (var k : t.kpi()) {
            kpi.row(r, k.centerCode(), k.firmsWithSales(), k.salesGrowthMedianPct(), k.newClientsTotal(),
                    k.newOrdersTotal(), k.onlineListedFirms(), k.patternsTotal(), k.educationHoursTotal());
        }
        tables.add(kpi.table(null, null));

        Builder budget = new Builder("budget_by_center.csv", "센터별 예산 집행", names,
                List.of(c("round", "연도", YEAR), c("center_code", "센터", TEXT), c("budget_cap_krw", "사업비 상한(원)", INTEGER),
                        c("planned_krw", "계획(원)", INTEGER), c("executed_krw", "집행(원)", INTEGER),
                        c("execution_rate_pct", "집행률(%)", ONE_DECIMAL), c("over_cap", "상한 초과", BOOLEAN)));
        for (var b : t.budget()) {
            budget.row(r, b.centerCode(), b.budgetCapKrw(), b.plannedKrw(), b.executedKrw(), b.executionRatePct(),
                    b.overCap());
        }
        tables.add(budget.table(null, null));

        Builder needs = new Builder("needs_by_center.csv", "센터별 희망 지원분야", names,
                List.of(c("round", "연도", YEAR), c("center_code", "센터", TEXT), c("need", "분야", TEXT),
                        c("count", "응답수", INTEGER), c("share_pct", "비율(%)", ONE_DECIMAL)));
        for (var n : t.needs()) {
            needs.row(r, n.centerCode(), n.need(), n.count(), n.sharePct());
        }
        tables.add(needs.table(null, null));

        Builder yoy = new Builder("yoy_by_center.csv", "전년 대비", names,
                List.of(c("round", "연도", YEAR), c("center_code", "센터", TEXT), c("metric", "지표", TEXT),
                        c("current", "올해", null), c("previous", "전년", null), c("delta", "증감", null)));
        for (var y : t.yoy()) {
            yoy.styledRow(false, metricFormat(y.metric()), r, y.centerCode(), y.metric().code(), y.current(),
                    y.previous(), y.delta());
        }
        tables.add(yoy.table("전년 = 데이터베이스에 저장된 직전 연도. 해당 연도에 없던 센터는 비어 있음. " + YOY_ROUNDING, null));
        if (common != null) {
            tables.add(commonCenters(r, common, names));
        }

        tables.add(dataQuality(r, quality));
        return tables;
    }

    /**
     * The same comparison over the centers present in both rounds; no CSV (the contract
     * has none).
     */
    private static ReportTable commonCenters(int round, CommonCenters common, Map<String, String> names) {
        Builder table = new Builder(null, "전년 대비 (공통 센터 기준)", names,
                List.of(c("round", "연도", YEAR), c("center_code", "센터", TEXT), c("metric", "지표", TEXT),
                        c("current", "올해", null), c("previous", "전년", null), c("delta", "증감", null)));
        for (var y : common.rows()) {
            table.styledRow(false, metricFormat(y.metric()), round, y.centerCode(), y.metric().code(), y.current(),
                    y.previous(), y.delta());
        }
        String note = common.previousRound() + "년과 " + round + "년에 모두 있는 센터 " + common.common().size() + "곳("
                + String.join(", ", common.common().stream().map(c -> common.names().getOrDefault(c, c)).toList())
                + ")만 모아 계산"
                + (common.added().isEmpty() ? ""
                        : ". 올해 새 센터: " + String.join(", ",
                                common.added().stream().map(c -> common.names().getOrDefault(c, c)).toList()))
                + (common.gone().isEmpty() ? ""
                        : ". 전년에만 있던 센터: " + String.join(", ",
                                common.gone().stream().map(c -> common.names().getOrDefault(c, c)).toList()))
                + ". " + YOY_ROUNDING;
        return table.table(note, null);
    }

    /**
     * data_quality.csv, written once, by the findings step before the quality gate (so a
     * round the gate stops has it); the committee's workbook and page show the same
     * table.
     */
    public static ReportTable dataQuality(int round, List<FileQuality> quality) {
        Builder table = new Builder("data_quality.csv", "자료 품질", Map.of(),
                List.of(c("round", "연도", YEAR), c("source_file", "파일", TEXT), c("rows_read", "읽은 행", INTEGER),
                        c("rows_accepted", "채택", INTEGER), c("rows_rejected", "제외", INTEGER),
                        c("rows_warned", "경고", INTEGER)));
        for (FileQuality q : quality) {
            table.row(round, q.sourceFile(), q.rowsRead(), q.rowsAccepted(), q.rowsRejected(), q.rowsWarned());
        }
        return table.table(null, null);
    }

    /** The year-over-year values take the format of their metric. */
    private static ExportFormat metricFormat(YoyMetric metric) {
        return switch (metric) {
            case SUPPORTED_FIRMS -> INTEGER;
            case Q1_MEAN -> TWO_DECIMALS;
            default -> ONE_DECIMAL;
        };
    }

}
