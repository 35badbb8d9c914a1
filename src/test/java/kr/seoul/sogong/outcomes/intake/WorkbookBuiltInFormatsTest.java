package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Excel's built-in number formats, which a workbook names by index only (no format string
 * in the file): Excel shows the date ones as dates whatever the reader's locale — 14–22
 * everywhere, 27–36 and 50–58 in the East Asian locales Korean Excel writes — and the
 * others as numbers. A date read as its serial number would be a FORMAT finding on every
 * row; a number read as a date would be a wrong value.
 */
class WorkbookBuiltInFormatsTest {

    private static final LocalDateTime WHEN = LocalDateTime.of(2022, 5, 15, 0, 0);

    private static final LocalDateTime WHEN_WITH_TIME = LocalDateTime.of(2022, 5, 15, 14, 30);

    private static final List<Integer> DATE_FORMATS = concat(IntStream.rangeClosed(14, 22),
            IntStream.rangeClosed(27, 36), IntStream.rangeClosed(45, 47), IntStream.rangeClosed(50, 58));

    private static final List<Integer> NUMBER_FORMATS = concat(IntStream.rangeClosed(0, 4),
            IntStream.rangeClosed(9, 11), IntStream.rangeClosed(37, 44), IntStream.of(48));

    private static List<Integer> concat(IntStream... ranges) {
        List<Integer> all = new ArrayList<>();
        for (IntStream r : ranges) {
            r.forEach(all::add);
        }
        return all;
    }

    /**
     * One row per format index: column 0 the index, 1 a date at midnight, 2 a date and
     * time, 3 a number.
     */
    private static Path workbook(Path dir) throws Exception {
        Path file = dir.resolve("formats.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("formats");
            int r = 0;
            for (int index : concat(DATE_FORMATS.stream().mapToInt(i -> i), NUMBER_FORMATS.stream().mapToInt(i -> i))) {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat((short) index);
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(index);
                row.createCell(1).setCellValue(WHEN);
                row.getCell(1).setCellStyle(style);
                row.createCell(2).setCellValue(WHEN_WITH_TIME);
                row.getCell(2).setCellStyle(style);
                row.createCell(3).setCellValue(1234.5);
                row.getCell(3).setCellStyle(style);
            }
            wb.write(out);
        }
        return file;
    }

    @Test
    void builtInDateFormatsAreReadAsDatesAndTheOthersAsNumbers(@TempDir Path dir) throws Exception {
        List<WorkbookRows.SheetRow> rows = new ArrayList<>();
        try (WorkbookRows workbook = new WorkbookRows(workbook(dir))) {
            for (WorkbookRows.SheetRow row = workbook.next(); row != null; row = workbook.next()) {
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(DATE_FORMATS.size() + NUMBER_FORMATS.size());
        for (WorkbookRows.SheetRow row : rows) {
            int index = Integer.parseInt(row.cells().get(0));
            if (DATE_FORMATS.contains(index)) {
                assertThat(row.cells().subList(1, 4)).as("built-in format %d", index)
                    .containsExactly("2022-05-15", "2022-05-15 14:30:00", "1903-05-18 12:00:00");
            }
            else {
                assertThat(row.cells().subList(1, 4)).as("built-in format %d", index)
                    .containsExactly("44696", "44696.604166666664", "1234.5");
            }
        }
    }

}
