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

    /**
     * Guards the findings step's memory: a file with more findings than a center can mend
     * by hand gives its first {@value CorrectionWorkbooks#ROWS_PER_FILE} rows and says
     * how many more are in rejects.csv, instead of holding them all.
     */
    @Test
    void aFileWithMoreFindingsThanACenterCanMendListsTheFirstAndSaysHowManyMore() throws Exception {
        int round = 6601;
        copySample(2022, round);
        StringBuilder csv = new StringBuilder("응답번호,제출일시,사업자등록번호,업체명,소속센터,상시근로자수,문1_전반만족,문2_교육컨설팅만족,"
                + "문3_판로홍보만족,문4_센터운영만족,문5_재참여의향,문6_추천의향,희망지원분야,기타의견\n");
        int bad = CorrectionWorkbooks.ROWS_PER_FILE + 150;
        for (int i = 1; i <= bad; i++) {
            // a business number one digit off its check digit
            String nine = String.format("101%06d", i);
            String brn = nine + kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber.checkDigitFor(nine);
            String wrong = brn.substring(0, 9) + (char) ('0' + (brn.charAt(9) - '0' + 1) % 10);
            csv.append("B")
                .append(i)
                .append(",")
                .append(round)
                .append("-05-01 10:00,")
                .append(wrong)
                .append(",업체")
                .append(i)
                .append(",BONGIK,3,4,4,5,3,4,5,판로,\n");
        }
        write(round, "survey/many.csv", csv.toString());

        // the quality gate stops it; the corrections are written first
        launch(round, LocalDate.of(2022, 11, 1));

        try (XSSFWorkbook wb = new XSSFWorkbook(
                Files.newInputStream(output(round).resolve("corrections/BONGIK.xlsx")))) {
            Sheet many = null;
            for (int s = 1; s < wb.getNumberOfSheets(); s++) {
                if (wb.getSheetAt(s).getRow(0).getCell(0).getStringCellValue().equals("survey/many.csv")) {
                    many = wb.getSheetAt(s);
                }
            }
            assertThat(many).isNotNull();
            assertThat(many.getLastRowNum() - 2).isEqualTo(CorrectionWorkbooks.ROWS_PER_FILE);
            StringBuilder summary = new StringBuilder();
            wb.getSheet("요약")
                .forEach(r -> r.forEach(c -> summary.append(new DataFormatter().formatCellValue(c)).append('|')));
            assertThat(summary.toString()).contains("survey/many.csv: 수정 요청이 많아 처음 1,000건만 실었습니다. 나머지 150건은");
        }
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

    /**
     * Guards a correction that misled the center: JANGWI's workbook said a firm was "not
     * on your participant list" for its outcome row and its survey answer, while the firm
     * is on the list in a row rejected for its dates. Both findings now name that row and
     * say that fixing it clears them, in the workbook (cell by cell) and in rejects.csv,
     * and the summary groups them under the one row to fix; a firm truly missing from the
     * list keeps the plain message.
     */
    @Test
    void aFindingCausedByARejectedParticipantRowNamesThatRow() throws Exception {
        int round = 6602;
        copySample(2022, round);
        JobExecution execution = launch(round, LocalDate.of(2022, 11, 1));
        assertThat(execution.getStatus().isUnsuccessful()).as(execution.getExitStatus().getExitDescription()).isFalse();
        String results = "results/JANGWI_2022_결과.xlsx";

        List<String> rejects = rejectLines(round);
        String because = "not a participant of JANGWI: the firm's row on the participant list (" + results
                + " 참여기업 row 5) was rejected (RANGE); fixing that row clears this finding";
        assertThat(rejects).anySatisfy(l -> assertThat(l).startsWith(round + "," + results + ",성과,5,brn,")
            .endsWith(",NOT_PARTICIPANT,REJECT," + because));
        assertThat(rejects).anySatisfy(l -> assertThat(l).startsWith(round + ",survey/설문_2022_2차.xlsx,응답,42,brn,")
            .endsWith(",NOT_PARTICIPANT,WARN," + because));
        // the firm of 성과 row 30 is on no list: nothing to point at
        assertThat(rejects).anySatisfy(l -> assertThat(l).startsWith(round + "," + results + ",성과,30,brn,")
            .endsWith(",NOT_PARTICIPANT,REJECT,not a participant of JANGWI"));

        String korean = "JANGWI 센터의 참여기업 명단에 이 기업의 행(" + results
                + " 참여기업 시트 5행)이 있지만 제외되었습니다(RANGE). 그 행을 고치면 이 항목도 함께 해결됩니다.";
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(
                Files.newInputStream(output(round).resolve("corrections").resolve("JANGWI.xlsx")))) {
            List<List<String>> explained = new ArrayList<>();
            for (int s = 1; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (text.formatCellValue(row.getCell(5)).equals(korean)) {
                        // tall enough for the wrapped message (a written row does not
                        // grow)
                        assertThat(row.getHeightInPoints())
                            .isGreaterThanOrEqualTo(3 * sheet.getDefaultRowHeightInPoints());
                        explained.add(List.of(sheet.getRow(0).getCell(0).getStringCellValue(),
                                text.formatCellValue(row.getCell(0)), text.formatCellValue(row.getCell(1)),
                                text.formatCellValue(row.getCell(3))));
                    }
                }
            }
            assertThat(explained).containsExactlyInAnyOrder(List.of(results, "성과", "5", "NOT_PARTICIPANT"),
                    List.of("survey/설문_2022_2차.xlsx", "응답", "42", "NOT_PARTICIPANT"));
            List<String> summary = new ArrayList<>();
            wb.getSheet("요약").forEach(row -> summary.add(text.formatCellValue(row.getCell(0))));
            assertThat(summary).containsSubsequence("한 번에 해결되는 항목: 아래 행 하나를 고치면 함께 해결됩니다",
                    results + " 참여기업 시트 5행 (RANGE) → 2건: 성과 5행, 응답 42행");
        }
    }

}
