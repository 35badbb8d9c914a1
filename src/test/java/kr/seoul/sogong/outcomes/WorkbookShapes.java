package kr.seoul.sogong.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks shaped as other programs and people shape them, written from Java with POI
 * (contract §9's tests): edited through the user model, or with their XML rewritten where
 * a writer does what POI does not (openpyxl's empty {@code <v/>}, ISO {@code t="d"}
 * cells), or saved as Excel 97–2003 {@code .xls}.
 */
public final class WorkbookShapes {

    private WorkbookShapes() {
    }

    /** Opens an {@code .xlsx}, lets {@code edit} change it, and writes it back. */
    public static void edit(Path xlsx, Consumer<XSSFWorkbook> edit) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            edit.accept(wb);
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
    }

    /** Rewrites one part of an {@code .xlsx} (a sheet's or the workbook's XML). */
    public static void rewritePart(Path xlsx, String name, UnaryOperator<String> rewrite) throws IOException {
        Path copy = Files.createTempFile(xlsx.getParent(), ".rewrite", ".zip");
        boolean found = false;
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(xlsx.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream part = in.getInputStream(entry)) {
                    bytes = part.readAllBytes();
                }
                if (entry.getName().equals(name)) {
                    found = true;
                    bytes = rewrite.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (!found) {
            throw new IllegalArgumentException(name + " is not in " + xlsx);
        }
        Files.move(copy, xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The same workbook as Excel 97–2003 saves it: every sheet, its hidden state, every
     * cell's value and, for numbers, its number format (dates stay dates).
     */
    public static void saveAsXls(Path xlsx, Path xls) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook from = new XSSFWorkbook(in);
                HSSFWorkbook to = new HSSFWorkbook()) {
            java.util.Map<String, CellStyle> styles = new java.util.HashMap<>();
            for (int s = 0; s < from.getNumberOfSheets(); s++) {
                Sheet source = from.getSheetAt(s);
                Sheet target = to.createSheet(source.getSheetName());
                if (from.isSheetHidden(s)) {
                    to.setSheetHidden(s, true);
                }
                for (Row row : source) {
                    Row r = target.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        copyCell(cell, r.createCell(cell.getColumnIndex()), to, styles);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(xls)) {
                to.write(out);
            }
        }
    }

    private static void copyCell(Cell from, Cell to, Workbook target, java.util.Map<String, CellStyle> styles) {
        switch (from.getCellType()) {
            case STRING -> to.setCellValue(from.getStringCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case NUMERIC -> {
                to.setCellValue(from.getNumericCellValue());
                String format = from.getCellStyle().getDataFormatString();
                if (format != null && !format.equals("General")) {
                    to.setCellStyle(styles.computeIfAbsent(format, f -> {
                        CellStyle style = target.createCellStyle();
                        style.setDataFormat(target.createDataFormat().getFormat(f));
                        return style;
                    }));
                }
            }
            case FORMULA -> to.setCellFormula(from.getCellFormula());
            default -> {
            }
        }
    }

    /** The sheet of a workbook by name. */
    static Sheet sheet(Workbook wb, String name) {
        Sheet sheet = wb.getSheet(name);
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + name);
        }
        return sheet;
    }

    /**
     * The 예산 sheet of a results workbook as LibreOffice exports it beside the workbook:
     * {@code <center>_..._budget.csv}, money as plain integers.
     */
    public static void budgetCsvBeside(Path xlsx, Path csv) throws IOException {
        StringBuilder text = new StringBuilder("센터코드,비목,계획금액_원,집행금액_원\n");
        edit(xlsx, wb -> {
            for (Row row : sheet(wb, "예산")) {
                if (row.getRowNum() > 0) {
                    text.append(row.getCell(0).getStringCellValue())
                        .append(',')
                        .append(row.getCell(1).getStringCellValue())
                        .append(',')
                        .append((long) row.getCell(2).getNumericCellValue())
                        .append(',')
                        .append((long) row.getCell(3).getNumericCellValue())
                        .append('\n');
                }
            }
        });
        Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    /**
     * A {@code 합 계} row under the 예산 sheet's last line, with {@code =SUM} formulas and
     * their cached results, as Excel and LibreOffice save them.
     */
    public static void addTotalsRow(Path xlsx) throws IOException {
        edit(xlsx, wb -> {
            Sheet budget = sheet(wb, "예산");
            int last = budget.getLastRowNum();
            Row total = budget.createRow(last + 1);
            total.createCell(0).setCellValue(budget.getRow(1).getCell(0).getStringCellValue());
            total.createCell(1).setCellValue("합 계");
            for (int col = 2; col <= 3; col++) {
                double sum = 0;
                for (int r = 1; r <= last; r++) {
                    sum += budget.getRow(r).getCell(col).getNumericCellValue();
                }
                Cell cell = total.createCell(col);
                String letter = col == 2 ? "C" : "D";
                cell.setCellFormula("SUM(" + letter + "2:" + letter + (last + 1) + ")");
                cell.setCellValue(sum);
            }
        });
    }

    /**
     * The usual Korean form layout: 만족도 merged over the six items (columns G–L) in row 1,
     * their names in row 2, every other header merged down over both rows.
     */
    public static void surveyHeaderOverTwoRows(Path xlsx) throws IOException {
        edit(xlsx, wb -> {
            Sheet sheet = wb.getSheetAt(0);
            sheet.shiftRows(0, sheet.getLastRowNum(), 1);
            Row upper = sheet.createRow(0);
            Row lower = sheet.getRow(1);
            for (int col = 0; col < lower.getLastCellNum(); col++) {
                boolean item = col >= 6 && col <= 11;
                if (!item) {
                    upper.createCell(col).setCellValue(lower.getCell(col).getStringCellValue());
                    lower.removeCell(lower.getCell(col));
                    sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 1, col, col));
                }
            }
            upper.createCell(6).setCellValue("만족도");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 6, 11));
        });
    }

    /**
     * The survey workbook's 제출일시 (column B) as ISO 8601 date cells ({@code t="d"}), as
     * openpyxl with iso_dates and SheetJS with cellDates write them: every other row in
     * UTC with {@code Z} (the same instant), the others in local time.
     */
    public static void isoDateCells(Path xlsx) throws IOException {
        rewritePart(xlsx, "xl/worksheets/sheet1.xml", xml -> {
            java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<c r=\"B(\\d+)\" s=\"1\" t=\"n\"><v>([0-9.]+)</v></c>")
                .matcher(xml);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                java.time.LocalDateTime seoul = DateUtil.getLocalDateTime(Double.parseDouble(m.group(2)), false, true);
                String iso = Integer.parseInt(m.group(1)) % 2 == 0 ? seoul.toString()
                        : seoul.atOffset(java.time.ZoneOffset.ofHours(9))
                            .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                            .toString();
                m.appendReplacement(sb, "<c r=\"B" + m.group(1) + "\" t=\"d\"><v>" + iso + "</v></c>");
            }
            m.appendTail(sb);
            return sb.toString();
        });
    }

    /**
     * Every {@code .xlsx} under a folder saved as {@code .xls} in its place; how many.
     */
    public static int everyWorkbookAsXls(Path folder) throws IOException {
        java.util.List<Path> workbooks;
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            workbooks = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
        }
        for (Path xlsx : workbooks) {
            saveAsXls(xlsx, xlsx.resolveSibling(xlsx.getFileName().toString().replace(".xlsx", ".xls")));
            Files.delete(xlsx);
        }
        return workbooks.size();
    }

}
