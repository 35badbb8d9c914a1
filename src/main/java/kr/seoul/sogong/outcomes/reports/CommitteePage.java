package kr.seoul.sogong.outcomes.reports;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * committee-report.html: the same tables as the workbook, with inline SVG charts, in one
 * file that needs no network (no external fonts, scripts or images) and prints on A4.
 * Rendered from {@code templates/committee/report.html} by Thymeleaf, which escapes every
 * text.
 */
public final class CommitteePage {

    /**
     * Thymeleaf on its own (no web context: the page is a file the job writes), with
     * Spring's expression language as the console's templates have it.
     */
    private static final SpringTemplateEngine TEMPLATES = templates();

    private CommitteePage() {
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** What the template shows; every text in it is escaped by Thymeleaf. */
    record Page(int round, long executionId, String withheldMark, List<Chart> charts, List<KeyLine> keyFindings,
            List<TableView> main, Matrix matrix, Matrix needs, List<TableView> appendix,
            List<MetricDefinition> definitions) {
    }

    /** A bar chart as inline SVG, its geometry computed here. */
    record Chart(String title, int width, int height, List<BarView> bars) {
    }

    record BarView(String label, @Nullable String value, boolean withheld, int x, int rectY, int textY, long width,
            int height, String fill, long valueX) {
    }

    record KeyLine(String text, String anchor) {
    }

    record TableView(String anchor, String title, List<String> headers, List<LineView> lines, @Nullable String note) {
    }

    record LineView(boolean total, List<CellView> cells) {
    }

    /**
     * How a cell shows: withheld, plain text, a center by name with its code, a number.
     */
    enum CellKind {

        WITHHELD, TEXT, CENTER, NUMBER

    }

    record CellView(CellKind kind, @Nullable String text, @Nullable String code) {
    }

    /**
     * Satisfaction as the committee compares it: centers × items, the 100-point score.
     */
    record Matrix(List<String> items, List<MatrixRow> rows, String nRange, boolean withheld) {
    }

    /** A center's scores by item, null where withheld. */
    record MatrixRow(boolean total, String name, String code, List<String> scores) {
    }

    public static void write(Path target, OutcomeTables outcomes, List<ReportTable> tables) throws IOException {
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
        // what matters first: the key findings, the main tables with satisfaction as a
        // matrix; the long per-item satisfaction table and the data quality go to the
        // appendix
        List<TableView> main = new ArrayList<>();
        List<TableView> appendix = new ArrayList<>();
        for (ReportTable table : tables) {
            boolean long_ = "satisfaction_by_center.csv".equals(table.file()) || "data_quality.csv".equals(table.file())
                    || "needs_by_center.csv".equals(table.file());
            (long_ ? appendix : main).add(view(table));
        }
        List<KeyLine> key = KeyFindings.of(outcomes)
            .stream()
            .map(f -> new KeyLine(f.text(), f.table().replace(".csv", "")))
            .toList();
        Page page = new Page(outcomes.round(), outcomes.jobExecutionId(), CommitteeWorkbook.SUPPRESSED,
                List.of(barChart("전반 만족도 (100점 환산)", satisfaction, 100), barChart("예산 집행률 (%)", budget, 100)), key,
                main, matrix(outcomes), needs(outcomes), appendix, MetricDefinition.ALL);
        String html = render(page);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(temp, html, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String render(Page page) {
        Context context = new Context(Locale.KOREAN);
        context.setVariable("page", page);
        return TEMPLATES.process("committee/report", context);
    }

    private static TableView view(ReportTable table) {
        List<String> headers = table.columns().stream().map(ReportTable.Column::label).toList();
        List<LineView> lines = new ArrayList<>();
        for (ReportTable.Line line : table.lines()) {
            List<CellView> cells = new ArrayList<>();
            for (int column = 0; column < line.cells().size(); column++) {
                ReportTable.Cell cell = line.cells().get(column);
                if (cell.suppressed()) {
                    cells.add(new CellView(CellKind.WITHHELD, null, null));
                }
                else if (cell.format() == ExportFormat.BOOLEAN) {
                    cells.add(new CellView(CellKind.TEXT,
                            cell.value() == null ? "" : (Boolean) cell.value() ? "예" : "아니오", null));
                }
                else if (cell.display() != null && OutcomeTables.ALL.equals(cell.value())) {
                    cells.add(new CellView(CellKind.TEXT, cell.display(), null));
                }
                else if (cell.display() != null && table.columns().get(column).isCenter()) {
                    // a center by its name, its code small beside it
                    cells.add(new CellView(CellKind.CENTER, cell.display(), cell.text()));
                }
                else if (cell.format() == ExportFormat.TEXT) {
                    cells.add(new CellView(CellKind.TEXT, cell.shown(), null));
                }
                else {
                    // numbers as people read them: 48,000,000 (the CSV keeps them plain)
                    cells.add(new CellView(CellKind.NUMBER, grouped(cell), null));
                }
            }
            lines.add(new LineView(line.total(), cells));
        }
        String note = table.anySuppressed() && table.suppressionNote() != null ? table.suppressionNote() : table.note();
        return new TableView(table.file() == null ? "yoy_common" : table.file().replace(".csv", ""), table.title(),
                headers, lines, note);
    }

    /**
     * Satisfaction as the committee compares it: centers × items, the 100-point score, n
     * in a footnote.
     */
    private static Matrix matrix(OutcomeTables outcomes) {
        int minN = Integer.MAX_VALUE;
        int maxN = 0;
        boolean withheld = false;
        List<MatrixRow> rows = new ArrayList<>();
        for (OutcomeTables.Participation p : outcomes.participation()) {
            String code = p.centerCode();
            boolean all = OutcomeTables.ALL.equals(code);
            List<String> scores = new ArrayList<>();
            for (SurveyItem item : SurveyItem.values()) {
                Optional<OutcomeTables.Satisfaction> s = outcomes.satisfaction()
                    .stream()
                    .filter(x -> x.centerCode().equals(code) && x.item() == item)
                    .findFirst();
                if (s.isEmpty() || s.get().suppressed() || s.get().score100() == null) {
                    scores.add(null);
                    withheld = true;
                }
                else {
                    scores.add(ExportFormat.ONE_DECIMAL.text(s.get().score100()));
                }
                if (s.isPresent() && !all) {
                    minN = Math.min(minN, s.get().n());
                    maxN = Math.max(maxN, s.get().n());
                }
            }
            rows.add(new MatrixRow(all, CommitteeWords.centerName(outcomes, code), code, scores));
        }
        List<String> items = java.util.Arrays.stream(SurveyItem.values()).map(SurveyItem::label).toList();
        return new Matrix(items, rows, minN == Integer.MAX_VALUE ? "—" : minN + "~" + maxN, withheld);
    }

    /**
     * The needs as the committee compares them: centers × needs, the share of the
     * center's responses that chose each (n, the responses, in a footnote); the long
     * table, one line per center and need, goes to the appendix.
     */
    private static Matrix needs(OutcomeTables outcomes) {
        List<String> needs = outcomes.needs().stream().map(OutcomeTables.NeedShare::need).distinct().toList();
        int minN = Integer.MAX_VALUE;
        int maxN = 0;
        boolean empty = false;
        List<MatrixRow> rows = new ArrayList<>();
        for (OutcomeTables.Participation p : outcomes.participation()) {
            String code = p.centerCode();
            boolean all = OutcomeTables.ALL.equals(code);
            List<String> shares = new ArrayList<>();
            for (String need : needs) {
                Optional<OutcomeTables.NeedShare> n = outcomes.needs()
                    .stream()
                    .filter(x -> x.centerCode().equals(code) && x.need().equals(need))
                    .findFirst();
                String share = n.map(OutcomeTables.NeedShare::sharePct)
                    .map(ExportFormat.ONE_DECIMAL::text)
                    .orElse(null);
                empty |= share == null;
                shares.add(share);
            }
            if (!all) {
                minN = Math.min(minN, p.surveyResponses());
                maxN = Math.max(maxN, p.surveyResponses());
            }
            rows.add(new MatrixRow(all, CommitteeWords.centerName(outcomes, code), code, shares));
        }
        return new Matrix(needs, rows, minN == Integer.MAX_VALUE ? "—" : minN + "~" + maxN, empty);
    }

    private static String grouped(ReportTable.Cell cell) {
        if (cell.value() == null || (cell.format() != ExportFormat.INTEGER)) {
            return cell.text();
        }
        return String.format("%,d", cell.format().round(cell.value()).toBigInteger());
    }

    /** A bar: its label and its value as exported, null or empty when withheld. */
    record Bar(String label, @Nullable String value, boolean total) {
    }

    /**
     * A horizontal bar chart; a null value (suppressed) is drawn as "—".
     */
    static Chart barChart(String title, List<Bar> bars, double max) {
        int rowHeight = 22;
        int width = 400;
        int labelWidth = 120;
        int plot = width - labelWidth - 50;
        int height = bars.size() * rowHeight + 10;
        List<BarView> views = new ArrayList<>();
        int y = 4;
        for (Bar bar : bars) {
            boolean withheld = bar.value() == null || bar.value().isEmpty();
            long w = 0;
            if (!withheld) {
                double v = new BigDecimal(bar.value()).doubleValue();
                w = Math.round(Math.max(0, Math.min(v, max * 1.2)) / max * plot);
            }
            views.add(new BarView(bar.label(), bar.value(), withheld, labelWidth, y + 3, y + 14, w, rowHeight - 8,
                    bar.total() ? "#1f3f60" : "#2d5b8a", labelWidth + w + 4));
            y += rowHeight;
        }
        return new Chart(title, width, height, views);
    }

}
