package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;

/**
 * committee-report.html: the same tables as the workbook, with inline SVG charts, in one
 * file that needs no network (no external fonts, scripts or images) and prints on A4.
 * Every text is HTML-escaped.
 */
public final class CommitteePage {

    private CommitteePage() {
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:24px;color:#1b1f24;font-size:13px}
            h1{font-size:20px;margin:0 0 4px} h2{font-size:15px;margin:28px 0 8px;border-bottom:2px solid #2d5b8a;padding-bottom:3px}
            .meta{color:#555;margin-bottom:12px}
            table{border-collapse:collapse;width:100%;margin-bottom:6px}
            th,td{border:1px solid #c8ced6;padding:3px 6px} th{background:#e9eef4;font-weight:600;text-align:center}
            td.num{text-align:right;font-variant-numeric:tabular-nums} small.code{color:#777;font-size:10px} td.sup{text-align:center;color:#888}
            tr.all td{font-weight:600;background:#f6f8fa}
            .note{color:#555;font-size:12px;margin:2px 0 0} ul.key{margin:4px 0 0 18px;padding:0} ul.key li{margin:3px 0} h2.appendix{margin-top:40px;border-bottom-style:dashed}
            .charts{display:flex;gap:24px;flex-wrap:wrap} figure{margin:0} figcaption{font-weight:600;margin-bottom:4px}
            svg text{font-size:11px;font-family:inherit}
            @page{size:A4;margin:14mm}
            @media print{body{margin:0;font-size:10px} h2{break-after:avoid} thead{display:table-header-group}
              tr{break-inside:avoid} section{break-inside:auto} .charts{break-inside:avoid}}
            """;

    public static void write(Path target, OutcomeTables outcomes, List<ReportTable> tables) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\">")
            .append("<title>")
            .append(outcomes.round())
            .append("년 소공인 협력사업 성과표</title><style>")
            .append(STYLE)
            .append("</style></head><body>\n");
        html.append("<h1>")
            .append(outcomes.round())
            .append("년 서울 소공인특화지원센터 협력사업 성과표</h1>")
            .append("<p class=\"meta\">조정위원회 자료 · 작업 실행 번호 ")
            .append(outcomes.jobExecutionId())
            .append(" · 정의는 맨 끝 참조</p>\n");
        html.append("<section class=\"charts\">");
        List<Bar> satisfaction = new ArrayList<>();
        List<Bar> budget = new ArrayList<>();
        for (OutcomeTables.Budget b : outcomes.budget()) {
            outcomes.satisfaction()
                .stream()
                .filter(s -> s.centerCode().equals(b.centerCode()) && s.item() == SurveyItem.OVERALL)
                .findFirst()
                .ifPresent(s -> satisfaction.add(new Bar(CommitteeWords.centerName(outcomes, b.centerCode()),
                        s.score100() == null ? null : ExportFormat.ONE_DECIMAL.text(s.score100()),
                        OutcomeTables.ALL.equals(b.centerCode()))));
            budget.add(new Bar(CommitteeWords.centerName(outcomes, b.centerCode()),
                    ExportFormat.ONE_DECIMAL.text(b.executionRatePct()), OutcomeTables.ALL.equals(b.centerCode())));
        }
        html.append(barChart("전반 만족도 (100점 환산)", satisfaction, 100));
        html.append(barChart("예산 집행률 (%)", budget, 100));
        html.append("</section>\n");
        // what matters first: the key findings, the main tables with satisfaction as a
        // matrix; the long
        // per-item satisfaction table and the data quality go to the appendix
        html.append(keyFindings(outcomes));
        List<ReportTable> appendix = new ArrayList<>();
        for (ReportTable table : tables) {
            if ("satisfaction_by_center.csv".equals(table.file()) || "data_quality.csv".equals(table.file())) {
                appendix.add(table);
                continue;
            }
            appendTable(html, table);
            if ("participation_by_center.csv".equals(table.file())) {
                html.append(satisfactionMatrix(outcomes));
            }
        }
        html.append("<h2 class=\"appendix\">부록</h2>\n");
        for (ReportTable table : appendix) {
            appendTable(html, table);
        }
        html.append("<section><h2>정의</h2><table><thead><tr><th>지표</th><th>정의</th><th>기준(n)</th></tr></thead><tbody>");
        for (MetricDefinition d : MetricDefinition.ALL) {
            html.append("<tr><td>")
                .append(escape(d.metric()))
                .append("</td><td>")
                .append(escape(d.meaning()))
                .append("</td><td>")
                .append(escape(d.base()))
                .append("</td></tr>");
        }
        html.append("</tbody></table></section>\n</body></html>\n");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(temp, html, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void appendTable(StringBuilder html, ReportTable table) {
        html.append("<section id=\"")
            .append(anchor(table))
            .append("\"><h2>")
            .append(escape(table.title()))
            .append("</h2><table><thead><tr>");
        for (ReportTable.Column c : table.columns()) {
            html.append("<th>").append(escape(c.label())).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (ReportTable.Line line : table.lines()) {
            html.append(line.total() ? "<tr class=\"all\">" : "<tr>");
            for (int column = 0; column < line.cells().size(); column++) {
                ReportTable.Cell cell = line.cells().get(column);
                if (cell.suppressed()) {
                    html.append("<td class=\"sup\">").append(CommitteeWorkbook.SUPPRESSED).append("</td>");
                }
                else if (cell.format() == ExportFormat.BOOLEAN) {
                    html.append("<td>")
                        .append(cell.value() == null ? "" : (Boolean) cell.value() ? "예" : "아니오")
                        .append("</td>");
                }
                else if (cell.display() != null && OutcomeTables.ALL.equals(cell.value())) {
                    html.append("<td>").append(escape(cell.display())).append("</td>");
                }
                else if (cell.display() != null && table.columns().get(column).isCenter()) {
                    // a center by its name, its code small beside it
                    html.append("<td>")
                        .append(escape(cell.display()))
                        .append(" <small class=\"code\">")
                        .append(escape(cell.text()))
                        .append("</small></td>");
                }
                else if (cell.format() == ExportFormat.TEXT) {
                    html.append("<td>").append(escape(cell.shown())).append("</td>");
                }
                else {
                    // numbers as people read them: 48,000,000 (the CSV keeps them
                    // plain)
                    html.append("<td class=\"num\">").append(escape(grouped(cell))).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>");
        String note = table.anySuppressed() && table.suppressionNote() != null ? table.suppressionNote() : table.note();
        if (note != null) {
            html.append("<p class=\"note\">주: ").append(escape(note)).append("</p>");
        }
        html.append("</section>\n");
    }

    private static String anchor(ReportTable table) {
        return table.file() == null ? "yoy_common" : table.file().replace(".csv", "");
    }

    /** 주요 결과: sentences from the numbers, each pointing at the table that holds them. */
    private static String keyFindings(OutcomeTables outcomes) {
        List<KeyFindings> findings = KeyFindings.of(outcomes);
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"key\"><h2>주요 결과</h2><ul class=\"key\">");
        for (KeyFindings f : findings) {
            html.append("<li>")
                .append(escape(f.text()))
                .append(" <a href=\"#")
                .append(f.table().replace(".csv", ""))
                .append("\">표</a></li>");
        }
        return html.append("</ul></section>\n").toString();
    }

    /**
     * Satisfaction as the committee compares it: centers × items, the 100-point score, n
     * in a footnote.
     */
    private static String satisfactionMatrix(OutcomeTables outcomes) {
        StringBuilder html = new StringBuilder(
                "<section id=\"satisfaction_matrix\"><h2>센터별 만족도 (100점 환산)</h2>" + "<table><thead><tr><th>센터</th>");
        for (SurveyItem item : SurveyItem.values()) {
            html.append("<th>").append(escape(item.label())).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        int minN = Integer.MAX_VALUE;
        int maxN = 0;
        boolean withheld = false;
        for (OutcomeTables.Participation p : outcomes.participation()) {
            String code = p.centerCode();
            boolean all = OutcomeTables.ALL.equals(code);
            html.append(all ? "<tr class=\"all\">" : "<tr>")
                .append("<td>")
                .append(escape(CommitteeWords.centerName(outcomes, code)));
            if (!all) {
                html.append(" <small class=\"code\">").append(escape(code)).append("</small>");
            }
            html.append("</td>");
            for (SurveyItem item : SurveyItem.values()) {
                Optional<OutcomeTables.Satisfaction> s = outcomes.satisfaction()
                    .stream()
                    .filter(x -> x.centerCode().equals(code) && x.item() == item)
                    .findFirst();
                if (s.isEmpty() || s.get().suppressed() || s.get().score100() == null) {
                    html.append("<td class=\"sup\">").append(CommitteeWorkbook.SUPPRESSED).append("</td>");
                    withheld = true;
                }
                else {
                    html.append("<td class=\"num\">")
                        .append(ExportFormat.ONE_DECIMAL.text(s.get().score100()))
                        .append("</td>");
                }
                if (s.isPresent() && !all) {
                    minN = Math.min(minN, s.get().n());
                    maxN = Math.max(maxN, s.get().n());
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table><p class=\"note\">주: 100점 환산 = (평균 − 1) × 25. 각 칸의 응답수(n)는 ");
        html.append(minN == Integer.MAX_VALUE ? "—" : minN + "~" + maxN)
            .append("이며, 칸마다의 n·평균·95% 신뢰구간은 <a href=\"#satisfaction_by_center\">부록: 센터별 만족도</a>에 있습니다.")
            .append(withheld ? " — : 응답수가 최소 셀 크기 미만이어서 공개하지 않음" : "")
            .append("</p></section>\n");
        return html.toString();
    }

    private static String grouped(ReportTable.Cell cell) {
        if (cell.value() == null || (cell.format() != ExportFormat.INTEGER)) {
            return cell.text();
        }
        return String.format("%,d", cell.format().rounded(cell.value()).toBigInteger());
    }

    /** A bar: its label and its value as exported, null or empty when withheld. */
    record Bar(String label, String value, boolean total) {
    }

    /**
     * A horizontal bar chart as inline SVG; a null value (suppressed) is drawn as "—".
     */
    static String barChart(String title, List<Bar> bars, double max) {
        int rowHeight = 22;
        int width = 400;
        int labelWidth = 120;
        int plot = width - labelWidth - 50;
        int height = bars.size() * rowHeight + 10;
        StringBuilder svg = new StringBuilder("<figure><figcaption>").append(escape(title))
            .append("</figcaption>")
            .append("<svg role=\"img\" width=\"")
            .append(width)
            .append("\" height=\"")
            .append(height)
            .append("\" viewBox=\"0 0 ")
            .append(width)
            .append(' ')
            .append(height)
            .append("\"><title>")
            .append(escape(title))
            .append("</title>");
        int y = 4;
        for (Bar bar : bars) {
            svg.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(escape(bar.label())).append("</text>");
            if (bar.value() == null || bar.value().isEmpty()) {
                svg.append("<text x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\" fill=\"#888\">—</text>");
            }
            else {
                double v = new BigDecimal(bar.value()).doubleValue();
                long w = Math.round(Math.max(0, Math.min(v, max * 1.2)) / max * plot);
                String fill = bar.total() ? "#1f3f60" : "#2d5b8a";
                svg.append("<rect x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"")
                    .append(rowHeight - 8)
                    .append("\" fill=\"")
                    .append(fill)
                    .append("\"/><text x=\"")
                    .append(labelWidth + w + 4)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\">")
                    .append(escape(bar.value()))
                    .append("</text>");
            }
            y += rowHeight;
        }
        return svg.append("</svg></figure>").toString();
    }

}
