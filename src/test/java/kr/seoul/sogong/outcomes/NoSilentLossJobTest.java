package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.rows.RowTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Issue "no silent loss": each class of file that lost rows without a word, reproduced on
 * the 2022 sample round with one change, and what the job now does with it — every record
 * stored or reported.
 */
class NoSilentLossJobTest extends OutcomesJobTestSupport {

    private static final AtomicInteger NEXT_ROUND = new AtomicInteger(6100);

    private static final LocalDate RUN_DATE = LocalDate.of(2022, 11, 1);

    private static final String SURVEY_CSV = "survey/설문_2022_1차.csv";

    private static final String SURVEY_XLSX = "survey/설문_2022_2차.xlsx";

    private static final String JANGWI = "results/JANGWI_2022_결과.xlsx";

    private int sampleRound() throws IOException {
        int round = NEXT_ROUND.getAndIncrement();
        copySample(2022, round);
        return round;
    }

    private List<String> surveyLines(int round) throws IOException {
        return new ArrayList<>(Files.readAllLines(input(round).resolve(SURVEY_CSV), TextEncoding.CP949));
    }

    private void writeSurvey(int round, List<String> lines) throws IOException {
        Files.write(input(round).resolve(SURVEY_CSV),
                (String.join("\r\n", lines) + "\r\n").getBytes(TextEncoding.CP949));
    }

    private long rowsRead(int round, String sourceFile) {
        return stored(round).rowsRead(sourceFile);
    }

    private long stored(int round, String table, String sourceFile) {
        return stored(round).rows(RowTable.ofSqlName(table), sourceFile);
    }

    private List<Map<String, Object>> findings(int round, String rule) {
        return stored(round).findingsOf(Rule.valueOf(rule));
    }

    /**
     * Conservation for one file: rows read = rows stored as accepted + rows with a REJECT
     * finding (a row the rules across rows reject stays stored, marked not accepted).
     */
    private void assertConserved(int round, String sourceFile) {
        long rejectedRows = stored(round).rejectedRows(sourceFile);
        long stored = 0;
        for (RowTable table : RowTable.values()) {
            stored += stored(round).acceptedRows(table, sourceFile);
        }
        assertThat(stored + rejectedRows).as("stored + rejected rows of " + sourceFile)
            .isEqualTo(rowsRead(round, sourceFile));
    }

    private static void transformWorkbook(Path file, Consumer<XSSFWorkbook> change) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        change.accept(workbook);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
    }

    /**
     * Sample rows 11–20 hold no quote; row 21's comment is quoted normally. Row 10's
     * comment opens a quote.
     */
    @Test
    void aStrayQuoteCostsItsRowAndNeverSwallowsTheRowsAfterIt() throws Exception {
        int round = sampleRound();
        List<String> lines = surveyLines(round);
        lines.set(10, lines.get(10).replaceAll(",[^,]*$", ",\"오타로 열린 따옴표"));
        lines.set(20, lines.get(20).replaceAll(",[^,]*$", ",\"좋음, 감사합니다\""));
        writeSurvey(round, lines);

        JobExecution execution = launch(round, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rowsRead(round, SURVEY_CSV)).isEqualTo(72);
        assertThat(findings(round, "FORMAT")).singleElement().satisfies(f -> {
            assertThat(f.get("source_file")).isEqualTo(SURVEY_CSV);
            assertThat(f.get("row_number")).isEqualTo(11);
            assertThat((String) f.get("message")).contains("quote", "not closed on its line");
        });
        List<Integer> rows = jdbc.queryForList(
                "select row_number from survey_response where round = ? and" + " source_file = ? order by 1",
                Integer.class, round, SURVEY_CSV);
        assertThat(rows).hasSize(71).doesNotContain(11).contains(12, 13, 20, 21, 73);
        assertThat(jdbc.queryForObject(
                "select comment_text from survey_response where round = ? and source_file = ?" + " and row_number = 21",
                String.class, round, SURVEY_CSV))
            .isEqualTo("좋음, 감사합니다");
        assertConserved(round, SURVEY_CSV);
    }

    @Test
    void csvRowsWithTooFewOrTooManyFieldsAreFormat() throws Exception {
        int round = sampleRound();
        List<String> lines = surveyLines(round);
        // a cut row
        lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf(',')));
        // a shifted row
        lines.set(6, lines.get(6) + ",덧붙은 칸");
        writeSurvey(round, lines);

        launch(round, RUN_DATE);

        assertThat(findings(round, "FORMAT")).extracting(f -> f.get("row_number")).containsExactly(6, 7);
        assertThat(findings(round, "FORMAT")).extracting(f -> (String) f.get("message"))
            .containsExactly("13 fields where the header has 14 (a shifted or cut row)",
                    "15 fields where the header has 14 (a shifted or cut row)");
        assertThat(rowsRead(round, SURVEY_CSV)).isEqualTo(72);
        assertConserved(round, SURVEY_CSV);
    }

    @Test
    void surveyFilesInSubfoldersAreRead() throws Exception {
        int round = sampleRound();
        Path sub = input(round).resolve("survey/2차");
        Files.createDirectories(sub);
        Files.move(input(round).resolve(SURVEY_XLSX), sub.resolve("설문_2022_2차.xlsx"));

        JobExecution execution = launch(round, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rowsRead(round, "survey/2차/설문_2022_2차.xlsx")).isEqualTo(71);
        assertThat(jdbc.queryForObject(
                "select sum(r.rows_read) from source_range r join source_file f on f.round = r.round"
                        + " and f.source_file = r.source_file where r.round = ? and f.kind = 'SURVEY'",
                Long.class, round))
            .isEqualTo(143);
        assertThat(read(output(round).resolve("data_quality.csv"))).contains(round + ",survey/2차/설문_2022_2차.xlsx,71,");
    }

    @Test
    void strayFilesEmptyFoldersAndLinksOutOfTheInputFolderAreWarned() throws Exception {
        int round = sampleRound();
        Files.writeString(input(round).resolve("메모.txt"), "설문은 survey 폴더에");
        Path outside = Files.createTempFile("elsewhere", ".csv");
        Files.createSymbolicLink(input(round).resolve("survey/link.csv"), outside);
        for (Path p : Files.list(input(round).resolve("results")).toList()) {
            Files.delete(p);
        }

        launch(round, RUN_DATE);

        assertThat(findings(round, "NOT_READ")).extracting(f -> f.get("source_file"))
            .containsExactly("survey/link.csv", "메모.txt");
        assertThat(findings(round, "EMPTY_FOLDER")).singleElement()
            .satisfies(f -> assertThat((String) f.get("message")).contains("results/ is empty"));
        assertThat(rejectLines(round)).anyMatch(l -> l.contains("메모.txt,,,,,NOT_READ,WARN"));
    }

    /**
     * How scripts and many libraries write workbooks: formulas, and no result stored with
     * them.
     */
    @Test
    void formulaCellsWithoutAStoredValueAreFormatNotBlank() throws Exception {
        int round = sampleRound();
        transformWorkbook(input(round).resolve(SURVEY_XLSX), wb -> {
            Sheet sheet = wb.getSheetAt(0);
            int q1 = columnOf(sheet, "문1_전반만족");
            for (int r = 1; r <= 10; r++) {
                Cell cell = sheet.getRow(r).getCell(q1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                // no cached result, as a script writes it
                cell.setBlank();
                cell.setCellFormula("2+2");
            }
        });

        launch(round, RUN_DATE);

        assertThat(findings(round, "FORMAT")).hasSize(10).allSatisfy(f -> {
            assertThat(f.get("field")).isEqualTo("q1");
            assertThat((String) f.get("message")).contains("formula without a stored result");
        });
        assertThat(findings(round, "FORMAT")).extracting(f -> f.get("row_number"))
            .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertConserved(round, SURVEY_XLSX);
    }

    private static int columnOf(Sheet sheet, String header) {
        for (Cell c : sheet.getRow(0)) {
            if (header.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    @Test
    void duplicateCenterNamesFailTheJobNamingRowAndField() throws Exception {
        int round = sampleRound();
        Path centers = input(round).resolve("centers.csv");
        Files.writeString(centers, Files.readString(centers).replace(",독산의류제조센터,", ",창신의류제조센터,"));

        JobExecution execution = launch(round, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage())
            .contains("centers.csv row 4, field center_name: '창신의류제조센터' appears twice");
    }

    /**
     * Values our rules once passed and the database refused, crashing the whole job
     * without rejects.csv.
     */
    @Test
    void valuesBeyondWhatTheDatabaseStoresAreFindingsOnTheirRow() throws Exception {
        int round = sampleRound();
        List<String> lines = surveyLines(round);
        lines.set(1, lines.get(1).replace(",서울정밀 A,", "," + "가".repeat(301) + ","));
        lines.set(2, lines.get(2).replace("R2022-0002,", "R" + "9".repeat(200) + ","));
        lines.set(3, lines.get(3).replace(",대성정밀 D,", ",대성\u0000정밀,"));
        lines.set(4, lines.get(4).replace(",CHANGSIN,7,", ",CHANGSIN,99999999999,"));
        writeSurvey(round, lines);
        transformWorkbook(input(round).resolve(JANGWI), wb -> {
            Sheet participants = wb.getSheet("참여기업");
            participants.getRow(1).getCell(columnOf(participants, "교육이수시간")).setCellValue("12345678901");
            participants.getRow(2).getCell(columnOf(participants, "교육이수시간")).setCellValue("1.005");
            Sheet outcomes = wb.getSheet("성과");
            outcomes.getRow(1).getCell(columnOf(outcomes, "지원전매출_천원")).setCellValue("1E20");
            outcomes.getRow(2).getCell(columnOf(outcomes, "지원전매출_천원")).setCellValue("123456789012345678901");
            Sheet budget = wb.getSheet("예산");
            budget.getRow(1).getCell(columnOf(budget, "계획금액_원")).setCellValue("10000000000000000000");
        });

        JobExecution execution = launch(round, RUN_DATE);

        assertThat(execution.getStatus()).as("no crash: findings instead")
            .isIn(BatchStatus.COMPLETED, BatchStatus.FAILED);
        assertThat(step(execution, "ingestRows").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> rejects = rejectLines(round);
        assertThat(rejects).anyMatch(l -> l.contains(",2,firm_name,") && l.contains("longer than 300 characters"))
            .anyMatch(l -> l.contains(",3,response_id,") && l.contains("longer than 200 characters"))
            .anyMatch(l -> l.contains(",4,firm_name,") && l.contains("NUL character"))
            .anyMatch(l -> l.contains(",5,employees,99999999999,RANGE,"))
            .anyMatch(l -> l.contains(",2,education_hours,12345678901,RANGE,"))
            .anyMatch(l -> l.contains(",3,education_hours,1.005,FORMAT,REJECT,more than 2 decimal places"))
            .anyMatch(l -> l.contains(",2,sales_before_k,1E20,FORMAT,"))
            .anyMatch(l -> l.contains(",3,sales_before_k,123456789012345678901,RANGE,"))
            .anyMatch(l -> l.contains(",2,planned_krw,10000000000000000000,RANGE,"));
        assertConserved(round, SURVEY_CSV);
        assertConserved(round, JANGWI);
    }

    /**
     * Dates typed in a Korean-locale Excel: custom formats POI does not know as dates,
     * and built-in ids 27–36.
     */
    @Test
    void koreanAndLocaleDateFormatsAreDates() throws Exception {
        int base = sampleRound();
        int round = sampleRound();
        transformWorkbook(input(round).resolve(JANGWI), wb -> {
            Sheet participants = wb.getSheet("참여기업");
            CellStyle korean = wb.createCellStyle();
            korean.setDataFormat(wb.createDataFormat().getFormat("yyyy\"년\" m\"월\" d\"일\""));
            CellStyle locale = wb.createCellStyle();
            locale.setDataFormat(wb.createDataFormat().getFormat("[$-412]yyyy-mm-dd AM/PM h:mm"));
            CellStyle builtIn = wb.createCellStyle();
            builtIn.setDataFormat((short) 31);
            int start = columnOf(participants, "지원시작일");
            int end = columnOf(participants, "지원종료일");
            for (Row row : participants) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                row.getCell(start).setCellStyle(row.getRowNum() % 2 == 0 ? korean : builtIn);
                row.getCell(end).setCellStyle(locale);
            }
        });

        launch(base, RUN_DATE);
        launch(round, RUN_DATE);

        assertThat(findings(round, "FORMAT")).isEmpty();
        assertThat(participantDates(round)).isEqualTo(participantDates(base)).isNotEmpty();
    }

    private List<Map<String, Object>> participantDates(int round) {
        return jdbc.queryForList("select row_number, start_date, end_date from participant where round = ? and"
                + " source_file = ? order by row_number", round, JANGWI);
    }

    /**
     * Mac Excel's 1904 date system: every serial number counts from 1904-01-01, 1,462
     * days later.
     */
    @Test
    void workbooksInThe1904DateSystemAreReadInIt() throws Exception {
        int base = sampleRound();
        int round = sampleRound();
        transformWorkbook(input(round).resolve(JANGWI), wb -> {
            List<Object[]> dates = new ArrayList<>();
            for (Row row : wb.getSheet("참여기업")) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        dates.add(new Object[] { cell, cell.getLocalDateTimeCellValue() });
                    }
                }
            }
            wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
            for (Object[] d : dates) {
                // the same day, as a 1904 serial number
                ((Cell) d[0]).setCellValue((LocalDateTime) d[1]);
            }
            assertThat(dates).isNotEmpty();
        });

        launch(base, RUN_DATE);
        launch(round, RUN_DATE);

        assertThat(participantDates(round)).isEqualTo(participantDates(base));
    }

    @Test
    void hiddenSheetsAreNotReadAndSaySo() throws Exception {
        int round = sampleRound();
        transformWorkbook(input(round).resolve(SURVEY_XLSX), wb -> {
            Sheet extra = wb.cloneSheet(0);
            wb.setSheetName(wb.getSheetIndex(extra), "옛응답");
            wb.setSheetHidden(wb.getSheetIndex(extra), true);
        });

        launch(round, RUN_DATE);

        assertThat(findings(round, "HIDDEN_SHEET")).singleElement().satisfies(f -> {
            assertThat(f.get("source_file")).isEqualTo(SURVEY_XLSX);
            assertThat(f.get("sheet")).isEqualTo("옛응답");
            assertThat(f.get("severity")).isEqualTo("WARN");
        });
        assertThat(rowsRead(round, SURVEY_XLSX)).isEqualTo(71);
    }

    /** A title and a note above the header, as people lay out a sheet to print. */
    @Test
    void theHeaderIsFoundBelowATitle() throws Exception {
        int round = sampleRound();
        transformWorkbook(input(round).resolve(JANGWI), wb -> {
            Sheet budget = wb.getSheet("예산");
            budget.shiftRows(0, budget.getLastRowNum(), 3);
            budget.createRow(0).createCell(0).setCellValue("2022년 장위의류봉제센터 예산 집행 현황");
            budget.createRow(1).createCell(2).setCellValue("(단위: 원)");
        });

        JobExecution execution = launch(round, RUN_DATE);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList(
                "select row_number from budget_line where round = ? and source_file = ?" + " order by 1", Integer.class,
                round, JANGWI))
            .isNotEmpty()
            .allMatch(n -> n >= 5);
        assertConserved(round, JANGWI);
    }

    @Test
    void macAndFullWidthTextReadsLikeWindowsText() throws Exception {
        int round = sampleRound();
        List<String> lines = surveyLines(round);
        // decomposed Hangul (as macOS writes file contents), full-width digits, a
        // non-breaking-space-only cell
        lines.set(1,
                lines.get(1)
                    .replace(",CHANGSIN,",
                            "," + java.text.Normalizer.normalize("창신의류제조센터", java.text.Normalizer.Form.NFD) + ","));
        lines.set(2, lines.get(2).replace("870-83-00265", "８７０-８３-００２６５"));
        Path utf8 = input(round).resolve(SURVEY_CSV);
        // CP949 has no decomposed jamo: the file goes UTF-8, as a Mac would save it
        Files.writeString(utf8, String.join("\n", lines) + "\n");

        launch(round, RUN_DATE);

        assertThat(jdbc.queryForObject(
                "select count(*) from finding where round = ? and source_file = ? and" + " severity = 'REJECT'",
                Long.class, round, SURVEY_CSV))
            .isZero();
        assertThat(jdbc.queryForObject(
                "select brn from survey_response where round = ? and source_file = ? and" + " row_number = 3",
                String.class, round, SURVEY_CSV))
            .isEqualTo("8708300265");
    }

}
