package kr.seoul.sogong.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Files shaped the way real exports, scripts and hurried staff shape them: the sample
 * files with random, seeded damage — lines cut, doubled and joined, stray quotes and
 * delimiters, NULs, BOMs, long values, odd Unicode; cells dropped or added, formulas
 * without values, dates, titles above the header, hidden sheets. The same seed gives the
 * same file.
 */
public final class MutatedFiles {

    private MutatedFiles() {
    }

    /** Odd values people and tools put in cells. */
    static final List<String> ODD_VALUES = List.of("", "   ", "\u00A0\u00A0", "\u3000", "５", "１２３-４５-６７８９０", "1E5",
            "+3", "-1", "3.5", "007", "1,000", "=1+1", "@SUM(A1)", "\"", "\"\"", "a,b", "줄\n바꿈",
            Normalizer.normalize("창신의류제조센터", Normalizer.Form.NFD), "창신의류제조센터", "CHANGSIN", " changsin ", "\uD83D\uDE00",
            "\u202Eright-to-left", "\u200B", "\uFEFF", "9", "0", "6", "Y", "n", "yes", "2022-02-30", "2022-05-01",
            "2022. 6. 1 오후 3:04:05", "2022. 6. 1. 오전 9:05", "2022/5/1 9:07", "12345678901", "99999999999999999999999",
            "0.123456789", "가".repeat(301), "x".repeat(12_000), "판로;수출,,교육", "홍보;홍보");

    // ------------------------------------------------------------------ CSV

    /**
     * Applies {@code count} random mutations to the data lines (the header line is left
     * alone).
     */
    public static String mutateCsv(String text, Random random, int count) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < count && lines.size() > 1; i++) {
            int at = 1 + random.nextInt(lines.size() - 1);
            String line = lines.get(at);
            switch (random.nextInt(16)) {
                // cut
                case 0 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                // duplicated
                case 1 -> lines.add(at, line);
                // joined with the next line
                case 2 -> {
                    if (at + 1 < lines.size()) {
                        lines.set(at, line + lines.remove(at + 1));
                    }
                }
                case 3 -> lines.set(at, insert(line, random, "\"")); // a stray quote
                // a stray delimiter
                case 4 -> lines.set(at, insert(line, random, ","));
                case 5 -> lines.set(at, insert(line, random, "\u0000"));
                case 6 -> lines.set(at, insert(line, random, "\uFEFF"));
                case 7 -> lines.set(at, insert(line, random, "x".repeat(300 + random.nextInt(12_000))));
                case 8 -> lines.set(at, replaceField(line, random, ODD_VALUES.get(random.nextInt(ODD_VALUES.size()))));
                // blank rows
                case 9 -> lines.add(at, random.nextBoolean() ? "" : ",,,, ,");
                case 10 -> lines.set(at, dropField(line, random));
                // a shifted row
                case 11 -> lines.set(at, line + ",extra");
                // CR line end (a CRLF inside a LF file)
                case 12 -> lines.set(at, line + "\r");
                // legit multi-line
                case 13 -> lines.set(at, replaceField(line, random, "\"여러 줄\n의견, 그대로\""));
                // a quote typed at the start of a cell, never closed
                case 14 -> lines.set(at, openQuote(line, random));
                default -> lines.set(at, line.replaceAll(",([^,\"]*)$", ",\"$1\"")); // the
                                                                                     // last
                                                                                     // cell
                                                                                     // quoted
                                                                                     // properly
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String insert(String line, Random random, String what) {
        int at = random.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }

    private static String replaceField(String line, Random random, String value) {
        String[] fields = line.split(",", -1);
        int at = random.nextInt(fields.length);
        boolean needsQuotes = value.contains(",") || value.contains("\n") || value.contains("\"");
        fields[at] = needsQuotes && !value.startsWith("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        return String.join(",", fields);
    }

    private static String openQuote(String line, Random random) {
        String[] fields = line.split(",", -1);
        int at = random.nextInt(fields.length);
        fields[at] = "\"" + fields[at];
        return String.join(",", fields);
    }

    private static String dropField(String line, Random random) {
        List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
        if (fields.size() > 1) {
            fields.remove(random.nextInt(fields.size()));
        }
        return String.join(",", fields);
    }

    // ------------------------------------------------------------------ workbooks

    /**
     * Applies {@code count} random mutations to the rows below each sheet's header (row
     * 1).
     */
    public static void mutateWorkbook(Path file, Random random, int count) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        for (int i = 0; i < count; i++) {
            Sheet sheet = wb.getSheetAt(random.nextInt(wb.getNumberOfSheets()));
            if (wb.isSheetHidden(wb.getSheetIndex(sheet)) || sheet.getLastRowNum() < 1) {
                continue;
            }
            int headerRow = headerRow(sheet);
            int width = sheet.getRow(headerRow).getLastCellNum();
            int r = headerRow + 1 + random.nextInt(Math.max(1, sheet.getLastRowNum() - headerRow));
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            int c = random.nextInt(width);
            switch (random.nextInt(10)) {
                case 0 -> {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        row.removeCell(cell);
                    }
                }
                case 1 -> row.createCell(width + random.nextInt(3)).setCellValue("추가 " + random.nextInt(100));
                case 2 -> row.createCell(c).setCellValue(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                case 3 -> {
                    Cell cell = row.createCell(c);
                    // a formula without a stored result, as a script writes it
                    cell.setBlank();
                    cell.setCellFormula("1+" + random.nextInt(9));
                }
                case 4 -> row.createCell(c)
                    .setCellValue(List.of(-5.0, 0.0, 3.0, 1e20, 12345678901.0, 0.123456, 9.0).get(random.nextInt(7)));
                case 5 -> {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(java.time.LocalDate.of(2022, 1 + random.nextInt(12), 1 + random.nextInt(28)));
                    CellStyle style = wb.createCellStyle();
                    style.setDataFormat(wb.createDataFormat()
                        .getFormat(List.of("yyyy-mm-dd", "yyyy\"년\" m\"월\" d\"일\"", "m/d/yy h:mm")
                            .get(random.nextInt(3))));
                    cell.setCellStyle(style);
                }
                // a blank row in the middle
                case 6 -> sheet.shiftRows(r, sheet.getLastRowNum(), 1);
                // a title above the header
                case 7 -> {
                    if (headerRow == 0) {
                        sheet.shiftRows(0, sheet.getLastRowNum(), 2);
                        sheet.createRow(0).createCell(0).setCellValue("제목");
                    }
                }
                // an old copy of the sheet, hidden
                case 8 -> {
                    if (wb.getNumberOfSheets() < 6) {
                        Sheet copy = wb.cloneSheet(wb.getSheetIndex(sheet));
                        wb.setSheetHidden(wb.getSheetIndex(copy), true);
                    }
                }
                default -> sheet.createRow(sheet.getLastRowNum() + 1 + random.nextInt(3))
                    .createCell(c)
                    // a stray row at the bottom
                    .setCellValue("맨 아래 " + random.nextInt(100));
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    /**
     * The row holding the header: the first row whose first cell is a header text (rows
     * above are titles).
     */
    static int headerRow(Sheet sheet) {
        for (int r = 0; r <= Math.min(20, sheet.getLastRowNum()); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getLastCellNum() > 2) {
                return r;
            }
        }
        return 0;
    }

}
