package kr.seoul.sogong.outcomes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legacy {@code .xls} read through the HSSF event API as an {@code .xlsx} is read
 * (contract §9): the sheet's own row numbers, dates in any date format as ISO text,
 * numbers in plain form, formulas by their stored result and an empty text result as no
 * value, hidden sheets marked — and the format told by content, not by name.
 */
class XlsRowsTest {

    @TempDir
    Path dir;

    @Test
    void rowsDatesFormulasAndHiddenSheetsAsInAnXlsx() throws Exception {
        Path file = dir.resolve("응답.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet visible = wb.createSheet("응답");
            wb.createSheet("숨김").createRow(0).createCell(0).setCellValue("hidden");
            wb.setSheetHidden(1, true);
            CellStyle korean = wb.createCellStyle();
            korean.setDataFormat(wb.createDataFormat().getFormat("yyyy\"년\" m\"월\" d\"일\""));
            CellStyle stamp = wb.createCellStyle();
            stamp.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row header = visible.createRow(0);
            header.createCell(0).setCellValue("사업자등록번호");
            Row first = visible.createRow(1);
            first.createCell(0).setCellValue(1234567890d);
            Cell date = first.createCell(1);
            date.setCellValue(LocalDateTime.of(2022, 5, 16, 0, 0));
            date.setCellStyle(korean);
            Cell time = first.createCell(2);
            time.setCellValue(LocalDateTime.of(2022, 10, 9, 13, 59));
            time.setCellStyle(stamp);
            first.createCell(3).setCellValue(true);
            first.createCell(4).setCellValue(19.5);
            // row 3 left out: the next row keeps its own number
            Row fourth = visible.createRow(3);
            Cell sum = fourth.createCell(0);
            sum.setCellFormula("2+2");
            sum.setCellValue(4);
            Cell empty = fourth.createCell(2);
            empty.setCellFormula("\"\"&\"\"");
            empty.setCellValue("");
            Cell text = fourth.createCell(3);
            text.setCellFormula("\"가\"&\"나\"");
            text.setCellValue("가나");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        // named .xlsx: the content decides
        Path misnamed = Files.copy(file, dir.resolve("응답.xlsx"));

        for (Path path : List.of(file, misnamed)) {
            List<WorkbookRows.SheetRow> rows = new ArrayList<>();
            try (SheetRows workbook = SheetRows.open(path)) {
                assertThat(workbook.sheets()).extracting(WorkbookRows.SheetRef::name, WorkbookRows.SheetRef::hidden)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("응답", false),
                            org.assertj.core.groups.Tuple.tuple("숨김", true));
                WorkbookRows.SheetRow row;
                while ((row = workbook.next()) != null) {
                    rows.add(row);
                }
            }
            assertThat(rows).extracting(WorkbookRows.SheetRow::sheet, WorkbookRows.SheetRow::rowNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("응답", 1),
                        org.assertj.core.groups.Tuple.tuple("응답", 2), org.assertj.core.groups.Tuple.tuple("응답", 4),
                        org.assertj.core.groups.Tuple.tuple("숨김", 1));
            assertThat(rows.get(1).cells()).containsExactly("1234567890", "2022-05-16", "2022-10-09 13:59:00", "TRUE",
                    "19.5");
            assertThat(rows.get(2).cells()).containsExactly("4", "", "", "가나");
            assertThat(rows.get(2).formulasWithoutValue()).containsExactly(2);
            assertThat(rows.get(1).formulasWithoutValue()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNoWorkbookIsSaidToBeWhatItIs() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.xlsx"), "응답번호,제출일시\nR1,2022-10-09 13:59\n");
        Path binary = Files.write(dir.resolve("b.xls"), new byte[] { 0x00, 0x01, 0x02, (byte) 0xFF, 0x10 });

        assertThat(org.assertj.core.api.Assertions
            .catchThrowableOfType(UnreadableFileException.class, () -> SheetRows.open(csv))
            .reason()
            .key()).isEqualTo("notXlsx.text");
        assertThat(org.assertj.core.api.Assertions
            .catchThrowableOfType(UnreadableFileException.class, () -> SheetRows.open(binary))
            .reason()
            .key()).isEqualTo("notXlsx.other");
    }

    /**
     * POI refuses a sheet that inflates far more than sheets do (its zip-bomb guard) with
     * advice to a developer ("adjust ZipSecureFile.setMinInflateRatio()"): the operator
     * reads what to do instead, whether it fails on opening or on reading the rows.
     */
    @Test
    void aWorkbookCompressedLikeABombIsRefusedInTheOperatorsWords() throws Exception {
        Path sample = Path.of("input", "2022", "results", "BONGIK_2022_결과.xlsx");
        Path bomb = dir.resolve("bomb.xlsx");
        Files.copy(sample, bomb);
        kr.seoul.sogong.outcomes.WorkbookShapes.rewritePart(bomb, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<sheetData>", "<!--" + " ".repeat(20_000_000) + "--><sheetData>"));

        UnreadableFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(UnreadableFileException.class,
                () -> {
                    try (WorkbookRowSource source = new WorkbookRowSource(bomb, "results/bomb.xlsx", false)) {
                        source.checkHeaders();
                    }
                });

        assertThat(e.reason().key()).isEqualTo("workbookZipBomb");
        assertThat(e.reason().english()).contains("save it again").doesNotContain("ZipSecureFile");
    }

}
