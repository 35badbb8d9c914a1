package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * committee-report.xlsx: a sheet per table with Korean labels, frozen header, number
 * formats and suppressed cells shown as "—" with a footnote; a chart sheet (satisfaction
 * and budget execution by center); a definitions sheet. Numbers are written as the CSV
 * rounds them, so the workbook shows the same figures. Text is escaped against formula
 * injection like the CSV.
 */
public final class CommitteeWorkbook {

    static final String SUPPRESSED = "—";

    private CommitteeWorkbook() {
    }

    public static void write(Path target, OutcomeTables outcomes, List<ReportTable> tables) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Map<ExportFormat, CellStyle> styles = styles(wb);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            CellStyle dash = wb.createCellStyle();
            dash.setAlignment(HorizontalAlignment.CENTER);

            for (ReportTable table : tables) {
                XSSFSheet sheet = wb.createSheet(table.title());
                Row h = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(table.columns().get(c).label());
                    cell.setCellStyle(header);
                    int widest = displayWidth(table.columns().get(c).label());
                    for (ReportTable.Line line : table.lines()) {
                        widest = Math.max(widest, displayWidth(shown(line.cells().get(c), table.columns().get(c))));
                    }
                    sheet.setColumnWidth(c, Math.min(60, Math.max(8, widest + 3)) * 256);
                }
                // printable as the committee gets it: landscape A4, all columns on one
                // page width
                onOnePage(sheet, false);
                sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (ReportTable.Line line : table.lines()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < line.cells().size(); c++) {
                        ReportTable.Cell value = line.cells().get(c);
                        Cell cell = row.createCell(c);
                        if (value.suppressed()) {
                            cell.setCellValue(SUPPRESSED);
                            cell.setCellStyle(dash);
                            continue;
                        }
                        if (value.value() == null) {
                            continue;
                        }
                        switch (value.format()) {
                            case TEXT ->
                                cell.setCellValue(CsvOutput.escapeFormula(shown(value, table.columns().get(c))));
                            case BOOLEAN -> cell.setCellValue((Boolean) value.value() ? "예" : "아니오");
                            default -> {
                                cell.setCellValue(value.format().round(value.value()).doubleValue());
                                cell.setCellStyle(styles.get(value.format()));
                            }
                        }
                    }
                }
                String note = table.anySuppressed() && table.suppressionNote() != null ? table.suppressionNote()
                        : table.note();
                if (note != null) {
                    sheet.createRow(r + 1).createCell(0).setCellValue("주: " + note);
                }
            }
            charts(wb, outcomes, styles);
            definitions(wb, header);
            wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(0)));
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                wb.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Columns of text as a spreadsheet measures them: a Hangul syllable is two. */
    static int displayWidth(String text) {
        int w = 0;
        for (char ch : text.toCharArray()) {
            w += ch >= 0x1100 ? 2 : 1;
        }
        return w;
    }

    private static Map<ExportFormat, CellStyle> styles(XSSFWorkbook wb) {
        Map<ExportFormat, CellStyle> styles = new HashMap<>();
        for (var e : Map
            .of(ExportFormat.INTEGER, "#,##0", ExportFormat.ONE_DECIMAL, "0.0", ExportFormat.TWO_DECIMALS, "0.00",
                    ExportFormat.YEAR, "0")
            .entrySet()) {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat(e.getValue()));
            styles.put(e.getKey(), s);
        }
        return styles;
    }

    /**
     * Two charts on their own sheet, each drawn from a small block of the numbers it
     * shows.
     */
    /**
     * A text cell as the committee reads it: a center as "name (CODE)", an item by its
     * question.
     */
    private static String shown(ReportTable.Cell cell, ReportTable.Column column) {
        if (cell.display() != null && column.isCenter() && !OutcomeTables.ALL.equals(cell.value())) {
            return cell.display() + " (" + cell.text() + ")";
        }
        return cell.shown();
    }

    private static void charts(XSSFWorkbook wb, OutcomeTables t, Map<ExportFormat, CellStyle> styles) {
        XSSFSheet sheet = wb.createSheet("차트");
        Row h = sheet.createRow(0);
        h.createCell(0).setCellValue("센터");
        h.createCell(1).setCellValue("전반만족 100점 환산");
        h.createCell(2).setCellValue("예산 집행률(%)");
        int r = 1;
        for (OutcomeTables.Budget b : t.budget()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(CsvOutput.escapeFormula(CommitteeWords.centerName(t, b.centerCode())));
            t.satisfaction()
                .stream()
                .filter(s -> s.centerCode().equals(b.centerCode()) && s.item() == SurveyItem.OVERALL)
                .findFirst()
                // empty when withheld
                .map(OutcomeTables.Satisfaction::score100)
                .ifPresent(score -> {
                    Cell c = row.createCell(1);
                    c.setCellValue(ExportFormat.ONE_DECIMAL.round(score).doubleValue());
                    c.setCellStyle(styles.get(ExportFormat.ONE_DECIMAL));
                });
            if (b.executionRatePct() != null) {
                Cell c = row.createCell(2);
                c.setCellValue(ExportFormat.ONE_DECIMAL.round(b.executionRatePct()).doubleValue());
                c.setCellStyle(styles.get(ExportFormat.ONE_DECIMAL));
            }
        }
        int last = r - 1;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        bar(drawing, sheet, "센터별 전반 만족도 (100점 환산, 비공개 셀 제외)", 1, last, 4, 0);
        bar(drawing, sheet, "센터별 예산 집행률 (%)", 2, last, 4, 20);
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 20 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        // printed as the committee gets it: the numbers and both charts, each with its
        // axis, on one
        // landscape A4 page (before, the axis printed on one page and the bars on the
        // next)
        onOnePage(sheet, true);
    }

    private static void bar(XSSFDrawing drawing, XSSFSheet sheet, String title, int column, int lastRow, int col,
            int row) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + 9, row + 18);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setMinimum(0);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, lastRow, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, lastRow, column, column)));
        series.setTitle(sheet.getRow(0).getCell(column).getStringCellValue(), null);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] { 0x2d, 0x5b, (byte) 0x8a })));
        series.setShapeProperties(shape);
        data.setVaryColors(false);
        chart.plot(data);
    }

    private static void definitions(XSSFWorkbook wb, CellStyle header) {
        XSSFSheet sheet = wb.createSheet("정의");
        Row h = sheet.createRow(0);
        String[] labels = { "지표", "정의", "기준(n)" };
        for (int i = 0; i < labels.length; i++) {
            Cell c = h.createCell(i);
            c.setCellValue(labels[i]);
            c.setCellStyle(header);
        }
        int r = 1;
        for (MetricDefinition d : MetricDefinition.ALL) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(d.metric());
            row.createCell(1).setCellValue(d.meaning());
            row.createCell(2).setCellValue(d.base());
        }
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        sheet.setColumnWidth(2, 20 * 256);
        onOnePage(sheet, false);
    }

    /**
     * Landscape A4, the whole sheet on one page (tall: one page wide, as many down as it
     * takes).
     */
    private static void onOnePage(XSSFSheet sheet, boolean singlePage) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) (singlePage ? 1 : 0));
    }

}
