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
final class WorkbookShapes {

    private WorkbookShapes() {
    }

    /** Opens an {@code .xlsx}, lets {@code edit} change it, and writes it back. */
    static void edit(Path xlsx, Consumer<XSSFWorkbook> edit) throws IOException {
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
    static void rewritePart(Path xlsx, String name, UnaryOperator<String> rewrite) throws IOException {
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
    static void saveAsXls(Path xlsx, Path xls) throws IOException {
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

    /** Whether a numeric cell is a date by its format (to keep dates when rewriting). */
    static boolean isDate(Cell cell) {
        return DateUtil.isCellDateFormatted(cell);
    }

}
