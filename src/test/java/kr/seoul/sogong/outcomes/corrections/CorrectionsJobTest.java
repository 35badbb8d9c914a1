package kr.seoul.sogong.outcomes.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.OutcomesJobTestSupport;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;

/**
 * The corrections a center gets by mail after a run: every finding of rejects.csv in
 * exactly one workbook (its center's, or the agency's _unassigned), at the same file,
 * sheet, row and rule; explained in Korean; no business number in clear, no comment text,
 * and a firm name typed as a formula stays text.
 */
class CorrectionsJobTest extends OutcomesJobTestSupport {

    private static final String SURVEY_CSV = "survey/설문_2022_1차.csv";

    private static final Pattern CLEAR_BRN = Pattern.compile("\\d{3}-?\\d{2}-?\\d{5}");

    /** A finding as both rejects.csv and a correction workbook place it. */
    record Place(String sourceFile, String sheet, String row, String rule) {
    }

    @Test
    void everyFindingReachesExactlyOneWorkbookInKoreanMaskedAndAsText() throws Exception {
        int round = 6600;
        copySample(2022, round);
        Path csv = input(round).resolve(SURVEY_CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, TextEncoding.CP949));
        // a bad business number, a firm name typed as a formula and a comment, naming a
        // known center
        lines.add("R2022-9001,2022-10-02 14:01,575-85-00081,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",BONGIK,6,"
                + "4,4,4,4,4,4,판로,전화 010-1234-5678 로 연락 주세요");
        Files.write(csv, (String.join("\r\n", lines) + "\r\n").getBytes(TextEncoding.CP949));

        JobExecution execution = launch(round, LocalDate.of(2022, 11, 1));
        assertThat(execution.getStatus().isUnsuccessful()).isFalse();

        List<Place> rejects = new ArrayList<>();
        for (String line : rejectLines(round).subList(1, rejectLines(round).size())) {
            String[] c = line.split(",", -1);
            rejects.add(new Place(c[1], c[2], c[3], c[6]));
        }
        Path dir = output(round).resolve("corrections");
        List<Place> corrections = new ArrayList<>();
        boolean formulaSeen = false;
        DataFormatter text = new DataFormatter();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
                    assertThat(wb.getSheetName(0)).isEqualTo("요약");
                    for (int s = 1; s < wb.getNumberOfSheets(); s++) {
                        Sheet sheet = wb.getSheetAt(s);
                        String sourceFile = sheet.getRow(0).getCell(0).getStringCellValue();
                        Row header = sheet.getRow(2);
                        List<String> headers = new ArrayList<>();
                        header.forEach(cell -> headers.add(cell.getStringCellValue()));
                        assertThat(headers).doesNotContain("기타의견");
                        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                            Row row = sheet.getRow(r);
                            corrections.add(new Place(sourceFile, text.formatCellValue(row.getCell(0)),
                                    text.formatCellValue(row.getCell(1)), text.formatCellValue(row.getCell(3))));
                            assertThat(text.formatCellValue(row.getCell(5))).as("a Korean explanation")
                                .matches(".*[가-힣].*");
                            for (Cell cell : row) {
                                String v = text.formatCellValue(cell);
                                assertThat(CLEAR_BRN.matcher(v).find()).as(file + " " + v).isFalse();
                                assertThat(v).doesNotContain("010-1234-5678");
                                if (v.startsWith("=HYPERLINK")) {
                                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                                    assertThat(file.getFileName().toString()).isEqualTo("BONGIK.xlsx");
                                    formulaSeen = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(corrections).containsExactlyInAnyOrderElementsOf(rejects);
        assertThat(formulaSeen).as("the formula-like firm name, as text, in its center's workbook").isTrue();
        assertThat(dir.resolve("_unassigned.xlsx")).as("the survey row naming an unknown center").exists();
        String jangwi = Files.exists(dir.resolve("JANGWI.xlsx")) ? "JANGWI.xlsx" : null;
        assertThat(jangwi).isNotNull();
        assertThat(Files.readString(output(round).resolve("rejects.csv"), StandardCharsets.UTF_8))
            .contains("575-85-*****");
    }

}
