package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Satisfaction;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small cell's statistics are withheld in all three renderings alike, decided by the
 * cell's own flag: blank in the CSV, "—" in the workbook and the page, with the footnote
 * that explains the dash — and no such footnote where nothing is withheld. (The sample
 * rounds have no small cell, so the job tests never reach this.)
 */
class WithheldCellsTest {

    private static OutcomeTables tables(boolean smallCell) {
        BigDecimal m = new BigDecimal("4.123");
        Satisfaction open = new Satisfaction("AAA", SurveyItem.Q1, 12, m, new BigDecimal("3.5"), new BigDecimal("4.7"),
                new BigDecimal("75"), new BigDecimal("78.075"), false);
        Satisfaction small = smallCell ? new Satisfaction("BBB", SurveyItem.Q1, 2, null, null, null, null, null, true)
                : new Satisfaction("BBB", SurveyItem.Q1, 5, m, m, m, m, m, false);
        List<OutcomeTables.Budget> budget = List.of(
                new OutcomeTables.Budget("AAA", 100, 90, 80, new BigDecimal("80"), false),
                new OutcomeTables.Budget("BBB", 100, 90, 80, new BigDecimal("80"), false));
        return new OutcomeTables(2030, 7, List.of(), List.of(open, small), List.of(), budget, List.of(), List.of());
    }

    @Test
    void withheldCellsAreBlankInTheCsvAndADashInTheWorkbookAndThePage(@TempDir Path dir) throws Exception {
        List<ReportTable> report = CommitteeTables.of(tables(true), List.of());
        ReportTable satisfaction = report.get(1);
        assertThat(satisfaction.file()).isEqualTo("satisfaction_by_center.csv");
        assertThat(satisfaction.lines().get(1).cells()).extracting(ReportTable.Cell::suppressed)
            .containsExactly(false, false, false, false, true, true, true, true, true, false);

        CsvOutput.write(dir, satisfaction);
        CommitteeWorkbook.write(dir.resolve("r.xlsx"), tables(true), report);
        CommitteePage.write(dir.resolve("r.html"), tables(true), report);

        assertThat(Files.readAllLines(dir.resolve("satisfaction_by_center.csv"), StandardCharsets.UTF_8))
            .containsExactly("\uFEFFround,center_code,item,n,mean,ci95_low,ci95_high,top2_pct,score100,suppressed",
                    "2030,AAA,q1,12,4.12,3.50,4.70,75.0,78.1,false", "2030,BBB,q1,2,,,,,,true");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("r.xlsx")))) {
            Sheet sheet = wb.getSheet(satisfaction.title());
            for (int c = 4; c <= 8; c++) {
                assertThat(sheet.getRow(1).getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(sheet.getRow(2).getCell(c).getStringCellValue()).isEqualTo("—");
            }
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).startsWith("주: — : 응답수가 최소 셀 크기 미만");
        }
        String html = Files.readString(dir.resolve("r.html"));
        assertThat(html.split("<td class=\"sup\">—</td>", -1)).hasSize(6);
        assertThat(html).contains("주: — : 응답수가 최소 셀 크기 미만");
    }

    @Test
    void withoutAWithheldCellThereIsNoDashAndNoFootnoteForIt(@TempDir Path dir) throws Exception {
        List<ReportTable> report = CommitteeTables.of(tables(false), List.of());
        CommitteeWorkbook.write(dir.resolve("r.xlsx"), tables(false), report);
        CommitteePage.write(dir.resolve("r.html"), tables(false), report);

        String html = Files.readString(dir.resolve("r.html"));
        assertThat(html).doesNotContain("class=\"sup\"").doesNotContain("응답수가 최소 셀 크기 미만");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("r.xlsx")))) {
            Sheet sheet = wb.getSheet(report.get(1).title());
            assertThat(sheet.getRow(2).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(4)).isNull();
        }
    }

}
