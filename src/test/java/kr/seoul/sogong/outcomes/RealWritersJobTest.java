package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoul.sogong.outcomes.intake.CsvRecords;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Contract §9 as users meet it: the 2022 sample round re-written the way other programs
 * (LibreOffice, openpyxl, xlsxwriter, SheetJS, Excel 97–2003) and clerks shape files —
 * written here with POI — gives the committee the same tables as the sample itself, or
 * stops with a finding that names the problem. Each case is one shape of issue 20.
 */
class RealWritersJobTest extends OutcomesJobTestSupport {

    private static final AtomicInteger NEXT_ROUND = new AtomicInteger(7300);

    /** The committee's tables (the round column left out), from the sample as shipped. */
    private static Map<String, List<String>> baselineTables;

    private static List<String> baselineFindings;

    private static final List<String> COMMITTEE_TABLES = List.of("participation_by_center.csv",
            "satisfaction_by_center.csv", "kpi_by_center.csv", "budget_by_center.csv", "needs_by_center.csv");

    private static final String BONGIK = "results/BONGIK_2022_결과.xlsx";

    private static final String SURVEY_XLSX = "survey/설문_2022_2차.xlsx";

    private static final String SURVEY_CSV = "survey/설문_2022_1차.csv";

    private int round;

    private void baseline() throws Exception {
        if (baselineTables == null) {
            int r = NEXT_ROUND.getAndIncrement();
            copySample(2022, r);
            assertThat(launch(r, LocalDate.of(2022, 11, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            baselineTables = committeeTables(r);
            baselineFindings = findingLines(r);
        }
    }

    private Path sample() throws Exception {
        baseline();
        round = NEXT_ROUND.getAndIncrement();
        copySample(2022, round);
        return input(round);
    }

    private JobExecution run() throws Exception {
        return launch(round, LocalDate.of(2022, 11, 1));
    }

    private Map<String, List<String>> committeeTables(int r) throws IOException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String name : COMMITTEE_TABLES) {
            tables.put(name, withoutRound(Files.readAllLines(output(r).resolve(name), StandardCharsets.UTF_8)));
        }
        return tables;
    }

    /** rejects.csv without the round, in its column and in OUT_OF_ROUND's message. */
    private List<String> findingLines(int r) throws IOException {
        return withoutRound(rejectLines(r)).stream().map(l -> l.replace("round " + r, "round R")).toList();
    }

    private static List<String> withoutRound(List<String> lines) {
        return lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList();
    }

    private List<Map<String, Object>> findings(String rule) {
        return jdbc.queryForList(
                "select * from finding where round = ? and rule = ? order by source_file, sheet," + " row_number",
                round, rule);
    }

    private void assertSameTablesAsTheSample() throws IOException {
        assertThat(committeeTables(round)).isEqualTo(baselineTables);
    }

    /** The sample's tables, and its findings word for word at the same rows. */
    private void assertSameTablesAndFindingsAsTheSample() throws IOException {
        assertSameTablesAsTheSample();
        assertThat(findingLines(round)).isEqualTo(baselineFindings);
    }

    // ---------------------------------------------------------------- one source

    /**
     * BONGIK's 예산 handed in twice — the sheet in its workbook and LibreOffice's CSV
     * export of it beside — doubled its money with exit 0. Now the round stops at the
     * gate, one finding naming both files, and no OVER_CAP blaming the center for the
     * double count.
     */
    @Test
    void aBudgetCsvBesideTheWorkbookStopsTheRoundNamingBothFiles() throws Exception {
        Path in = sample();
        WorkbookShapes.budgetCsvBeside(in.resolve(BONGIK), in.resolve("results/BONGIK_2022_budget.csv"));

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("BONGIK", BONGIK,
                "results/BONGIK_2022_budget.csv", "keep one");
        // on the later of the two in reading order (the CSV sorts first), naming both
        assertThat(findings("TWO_SOURCES")).singleElement().satisfies(f -> {
            assertThat(f.get("source_file")).isEqualTo(BONGIK);
            assertThat(f.get("sheet")).isEqualTo("예산");
            assertThat(f.get("row_number")).isNull();
            assertThat((String) f.get("message")).contains("results/BONGIK_2022_budget.csv", BONGIK + " (예산)",
                    "예산 (budget)");
        });
        assertThat(findings("OVER_CAP")).isEmpty();
        assertThat(output(round).resolve("budget_by_center.csv")).doesNotExist();
    }

    /**
     * A corrected copy beside the original made the corrected rows the DUPLICATE ones
     * (the later file loses). Now neither is taken: every sheet of the center is named.
     */
    @Test
    void aCorrectedCopyBesideTheOriginalStopsTheRound() throws Exception {
        Path in = sample();
        Files.copy(in.resolve(BONGIK), in.resolve("results/BONGIK_2022_결과_수정.xlsx"));

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(findings("TWO_SOURCES")).extracting(f -> f.get("sheet"))
            .containsExactlyInAnyOrder("참여기업", "성과", "예산");
        assertThat(findings("TWO_SOURCES"))
            .allSatisfy(f -> assertThat(f.get("source_file")).isEqualTo("results/BONGIK_2022_결과_수정.xlsx"));
    }

    /**
     * A 합계 row under the budget, with =SUM formulas and their cached values as Excel
     * saves them, doubled the planned money. Now it is TOTALS_ROW, the only finding on
     * its row, and the tables are the sample's; the gate does not count it.
     */
    @Test
    void aTotalsRowIsRejectedByItsOwnRuleAndTheTablesStayTheSame() throws Exception {
        Path in = sample();
        WorkbookShapes.addTotalsRow(in.resolve(BONGIK));

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings("TOTALS_ROW")).singleElement().satisfies(f -> {
            assertThat(f.get("sheet")).isEqualTo("예산");
            assertThat(f.get("row_number")).isEqualTo(7);
            assertThat(f.get("field")).isEqualTo("item");
            assertThat((String) f.get("message")).contains("the job sums");
        });
        assertThat(jdbc.queryForObject("select count(*) from finding where round = ? and source_file = ?"
                + " and row_number = 7 and sheet = '예산'", Integer.class, round, BONGIK))
            .isEqualTo(1);
        assertSameTablesAsTheSample();
    }

    // ---------------------------------------------------------------- headers

    /**
     * The usual Korean form layout: 만족도 merged over the six items in row 1, their names
     * in row 2, the other headers merged down over both rows. q1–q6 of 68 responses were
     * dropped without a word.
     */
    @Test
    void aHeaderOverTwoRowsWithMergedCellsIsReadAsOne() throws Exception {
        Path in = sample();
        WorkbookShapes.surveyHeaderOverTwoRows(in.resolve(SURVEY_XLSX));

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAsTheSample();
        assertThat(findings("UNKNOWN_COLUMN")).isEmpty();
        assertThat(findings("MISSING_COLUMN")).isEmpty();
    }

    /**
     * Headers with a note after Alt+Enter, a unit in brackets, spaces and full-width
     * letters: BONGIK's education hours went from 344.5 to 0.0, and a q3 = 6 was
     * accepted.
     */
    @Test
    void headersWithNotesUnitsAndLineBreaksAreTheContractsColumns() throws Exception {
        Path in = sample();
        WorkbookShapes.edit(in.resolve(SURVEY_XLSX), wb -> {
            Row header = wb.getSheetAt(0).getRow(0);
            for (int col = 6; col <= 11; col++) {
                Cell cell = header.getCell(col);
                cell.setCellValue(cell.getStringCellValue() + "\n(1~5점, 9=모름)");
            }
            header.getCell(2).setCellValue("사업자 등록번호");
        });
        WorkbookShapes.edit(in.resolve(BONGIK), wb -> {
            WorkbookShapes.sheet(wb, "참여기업").getRow(0).getCell(6).setCellValue("교육이수시간(시간)");
            Row outcomes = WorkbookShapes.sheet(wb, "성과").getRow(0);
            outcomes.getCell(2).setCellValue("지원전매출 (천원)");
            outcomes.getCell(3).setCellValue("지원후-매출_천원");
        });
        Path csv = in.resolve(SURVEY_CSV);
        String text = Files.readString(csv, TextEncoding.CP949);
        Files.writeString(csv,
                text.replaceFirst("문3_판로홍보만족", "\"문3_판로홍보만족\n(1~5점)\"").replaceFirst("상시근로자수", "상시근로자수(명)"),
                TextEncoding.CP949);

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAndFindingsAsTheSample();
    }

    /**
     * A header cell the job does not know, values under no header, and an optional column
     * left out: each said once per file, the tables unchanged.
     */
    @Test
    void columnsTheJobDoesNotReadAreNamed() throws Exception {
        Path in = sample();
        WorkbookShapes.edit(in.resolve(BONGIK), wb -> {
            Sheet budget = WorkbookShapes.sheet(wb, "예산");
            budget.getRow(0).createCell(4).setCellValue("비고");
            budget.getRow(2).createCell(4).setCellValue("추경 반영");
            budget.getRow(3).createCell(6).setCellValue("메모 없는 열");
            Sheet participants = WorkbookShapes.sheet(wb, "참여기업");
            for (Row row : participants) {
                // 지원내용 (support), optional
                row.removeCell(row.getCell(3));
            }
        });

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAsTheSample();
        assertThat(findings("UNKNOWN_COLUMN"))
            .extracting(f -> f.get("sheet") + " " + f.get("val") + " " + f.get("row_number") + " " + f.get("severity"))
            .containsExactly("예산 비고 null WARN", "예산  null WARN");
        assertThat(findings("UNKNOWN_COLUMN").get(1).get("message")).asString().contains("column G");
        assertThat(findings("MISSING_COLUMN")).extracting(f -> f.get("sheet") + " " + f.get("field"))
            .containsExactly("참여기업 support");
    }

    // ---------------------------------------------------------------- formulas and cells

    /**
     * openpyxl writes a formula's result as an empty {@code <v/>}: read as blank before,
     * FORMAT now (contract §9).
     */
    @Test
    void aFormulaWithAnEmptyStoredValueIsFormat() throws Exception {
        Path in = sample();
        WorkbookShapes.edit(in.resolve(BONGIK), wb -> {
            // new_clients
            Cell cell = WorkbookShapes.sheet(wb, "성과").getRow(1).getCell(4);
            cell.setCellFormula("4+0");
        });
        // the sheets are 참여기업, 성과, 예산 in that order
        WorkbookShapes.rewritePart(in.resolve(BONGIK), "xl/worksheets/sheet2.xml", xml -> xml
            .replaceAll("(<c r=\"E2\"[^>]*>)<f>4\\+0</f>(<v>[^<]*</v>|<v/>)?</c>", "$1<f>4+0</f><v/></c>"));
        assertThat(zipPart(in.resolve(BONGIK), "xl/worksheets/sheet2.xml")).contains("<f>4+0</f><v/>");

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings("FORMAT")).filteredOn(f -> BONGIK.equals(f.get("source_file")))
            .singleElement()
            .satisfies(f -> {
                assertThat(f.get("sheet")).isEqualTo("성과");
                assertThat(f.get("row_number")).isEqualTo(2);
                assertThat(f.get("field")).isEqualTo("new_clients");
                assertThat((String) f.get("message")).contains("formula without a stored result");
            });
    }

    /**
     * xlsxwriter stores 0 for every formula and says so ({@code fullCalcOnLoad}): a 4 was
     * read as 0. A stored 0 is FORMAT there; a stored non-zero result is trusted.
     */
    @Test
    void aZeroStoredByAWorkbookThatNeverComputedIsFormatAndOtherResultsAreTrusted() throws Exception {
        Path in = sample();
        double[] trusted = new double[1];
        int[] rows = new int[2];
        WorkbookShapes.edit(in.resolve(BONGIK), wb -> {
            Sheet outcomes = WorkbookShapes.sheet(wb, "성과");
            Cell zero = outcomes.getRow(1).getCell(4);
            zero.setCellFormula(((long) zero.getNumericCellValue()) + "+0");
            zero.setCellValue(0);
            rows[0] = 2;
            for (int r = 2; r <= outcomes.getLastRowNum() && trusted[0] == 0; r++) {
                Cell kept = outcomes.getRow(r).getCell(4);
                if (kept != null && kept.getNumericCellValue() != 0) {
                    trusted[0] = kept.getNumericCellValue();
                    kept.setCellFormula(((long) trusted[0]) + "+0");
                    kept.setCellValue(trusted[0]);
                    rows[1] = r + 1;
                }
            }
            wb.setForceFormulaRecalculation(true);
        });
        // as xlsxwriter writes it (POI writes "true")
        WorkbookShapes.rewritePart(in.resolve(BONGIK), "xl/workbook.xml",
                xml -> xml.replace("fullCalcOnLoad=\"true\"", "fullCalcOnLoad=\"1\""));
        assertThat(zipPart(in.resolve(BONGIK), "xl/workbook.xml")).contains("<calcPr fullCalcOnLoad=\"1\"/>");
        assertThat(trusted[0]).isNotZero();

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings("FORMAT")).filteredOn(f -> BONGIK.equals(f.get("source_file")))
            .extracting(f -> f.get("sheet") + " " + f.get("row_number") + " " + f.get("field"))
            .containsExactly("성과 2 new_clients");
        assertThat(jdbc.queryForObject(
                "select new_clients from outcome where round = ? and source_file = ? and row_number = ?", Integer.class,
                round, BONGIK, rows[1]))
            .isEqualTo((int) trusted[0]);
    }

    /**
     * ISO 8601 date cells ({@code t="d"}), as openpyxl with iso_dates and SheetJS with
     * cellDates write them, with and without a time zone: a correct workbook failed the
     * gate.
     */
    @Test
    void isoDateCellsAreDatesInSeoulTime() throws Exception {
        Path in = sample();
        WorkbookShapes.isoDateCells(in.resolve(SURVEY_XLSX));
        assertThat(zipPart(in.resolve(SURVEY_XLSX), "xl/worksheets/sheet1.xml")).contains("t=\"d\"").contains("Z</v>");

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAndFindingsAsTheSample();
    }

    // ---------------------------------------------------------------- what people hand
    // in

    /**
     * Excel 97–2003: the sample's six workbooks saved as {@code .xls} give the same
     * tables and the same findings at the same rows.
     */
    @Test
    void theSampleSavedAsXlsGivesTheSameTablesAndFindings() throws Exception {
        Path in = sample();
        assertThat(WorkbookShapes.everyWorkbookAsXls(in)).isEqualTo(6);

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAsTheSample();
        assertThat(findingLines(round))
            .isEqualTo(baselineFindings.stream().map(l -> l.replace(".xlsx", ".xls")).toList());
    }

    /**
     * A visible summary sheet made the whole survey workbook UNREADABLE (71 responses
     * out). Now the sheet is named and not read; the responses count.
     */
    @Test
    void aSummarySheetInTheSurveyWorkbookIsNamedAndTheResponsesRead() throws Exception {
        Path in = sample();
        WorkbookShapes.edit(in.resolve(SURVEY_XLSX), wb -> {
            Sheet summary = wb.createSheet("요약");
            summary.createRow(0).createCell(0).setCellValue("센터별 응답 수");
            Row r = summary.createRow(2);
            r.createCell(0).setCellValue("DOKSAN");
            r.createCell(1).setCellValue(26);
        });

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAsTheSample();
        assertThat(findings("NOT_READ")).singleElement().satisfies(f -> {
            assertThat(f.get("sheet")).isEqualTo("요약");
            assertThat(f.get("severity")).isEqualTo("WARN");
        });
    }

    /**
     * A raw Google Forms download: 타임스탬프 for 제출일시 and no response id. The ids are made
     * from file and row; the tables are the sample's.
     */
    @Test
    void aGoogleFormsDownloadIsRead() throws Exception {
        Path in = sample();
        Path csv = in.resolve(SURVEY_CSV);
        List<List<String>> records = readCsv(csv);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < records.size(); i++) {
            List<String> cells = new ArrayList<>(records.get(i).subList(1, records.get(i).size()));
            if (i == 0) {
                cells.set(0, "타임스탬프");
            }
            out.append(csvLine(cells, ','));
        }
        Files.writeString(csv, out, StandardCharsets.UTF_8);

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAsTheSample();
        assertThat(findings("MISSING_COLUMN")).singleElement()
            .satisfies(f -> assertThat(f.get("field")).isEqualTo("response_id"));
        assertThat(jdbc.queryForList(
                "select response_id from survey_response where round = ? and source_file = ?" + " and row_number = 2",
                String.class, round, SURVEY_CSV))
            .containsExactly(SURVEY_CSV + ":2");
    }

    /**
     * CSVs as Excel writes them in other locales: an Excel {@code sep=;} line, semicolons
     * without it, tabs, a title above the header. Each gave "required column missing"
     * listing all five.
     */
    @Test
    void csvSeparatorsAndATitleAboveTheHeaderAreFound() throws Exception {
        for (String shape : List.of("sep-line", "semicolons", "tabs", "title")) {
            Path in = sample();
            Path csv = in.resolve(SURVEY_CSV);
            List<List<String>> records = readCsv(csv);
            char delimiter = shape.equals("tabs") ? '\t' : shape.equals("title") ? ',' : ';';
            StringBuilder out = new StringBuilder();
            if (shape.equals("sep-line")) {
                out.append("sep=;\n");
            }
            if (shape.equals("title")) {
                out.append("2022년 소공인 지원사업 만족도 조사 (1차)\n\n");
            }
            records.forEach(cells -> out.append(csvLine(cells, delimiter)));
            Files.writeString(csv, out, StandardCharsets.UTF_8);

            JobExecution execution = run();

            assertThat(execution.getStatus()).as(shape).isEqualTo(BatchStatus.COMPLETED);
            assertThat(committeeTables(round)).as(shape).isEqualTo(baselineTables);
        }
    }

    /** Results dates typed as the survey's are: 2022.05.16, 2022/5/16, 2022년 6월 15일. */
    @Test
    void resultsDatesTypedAsTextInTheSurveysFormsAreDates() throws Exception {
        Path in = sample();
        WorkbookShapes.edit(in.resolve(BONGIK), wb -> {
            Sheet participants = WorkbookShapes.sheet(wb, "참여기업");
            int r = 0;
            for (Row row : participants) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                for (int col = 4; col <= 5; col++) {
                    LocalDate date = row.getCell(col).getLocalDateTimeCellValue().toLocalDate();
                    String text = switch (r++ % 3) {
                        case 0 ->
                            String.format("%d.%02d.%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
                        case 1 -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
                        default -> date.getYear() + "년 " + date.getMonthValue() + "월 " + date.getDayOfMonth() + "일";
                    };
                    Cell cell = row.getCell(col);
                    cell.setCellStyle(wb.createCellStyle());
                    cell.setCellValue(text);
                }
            }
        });

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertSameTablesAndFindingsAsTheSample();
    }

    /** A CSV renamed .xlsx was "no zip signature": now it says what the file is. */
    @Test
    void aCsvNamedAsAWorkbookIsSaidToBeText() throws Exception {
        Path in = sample();
        Files.copy(in.resolve(SURVEY_CSV), in.resolve("survey/설문_추가.xlsx"));

        JobExecution execution = run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(findings("UNREADABLE")).singleElement().satisfies(f -> {
            assertThat(f.get("source_file")).isEqualTo("survey/설문_추가.xlsx");
            assertThat((String) f.get("message")).contains("text file").doesNotContain("zip");
        });
    }

    // ---------------------------------------------------------------- helpers

    private static List<List<String>> readCsv(Path csv) throws IOException {
        java.nio.charset.Charset charset = TextEncoding.detect(csv).orElseThrow();
        List<List<String>> records = new ArrayList<>();
        try (CsvRecords in = new CsvRecords(csv, charset)) {
            CsvRecords.CsvRecord r;
            while ((r = in.next()) != null) {
                records.add(r.cells());
            }
        }
        return records;
    }

    private static String csvLine(List<String> cells, char delimiter) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                line.append(delimiter);
            }
            boolean quote = c.indexOf(delimiter) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0
                    || c.indexOf(',') >= 0 || c.indexOf(';') >= 0;
            line.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return line.append('\n').toString();
    }

    private static String zipPart(Path xlsx, String part) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(part)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
