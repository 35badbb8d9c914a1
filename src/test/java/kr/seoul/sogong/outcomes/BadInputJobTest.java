package kr.seoul.sogong.outcomes;

import static kr.seoul.sogong.outcomes.CsvFixture.brn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Bad input gets a clear finding or error, and nothing else is lost (issue: bad input).
 */
class BadInputJobTest extends OutcomesJobTestSupport {

    static final String CENTERS = "center_code,center_name,district,industry,project_title,track,budget_cap_krw,"
            + "target_firms,period_start,period_end\n"
            + "CHANGSIN,창신의류제조센터,종로구,의류,스마트스토어,SALES,50000000,28,2040-04-01,2040-10-31\n"
            + "JANGWI,장위의류봉제센터,성북구,봉제,패턴,TECH,50000000,28,2040-04-01,2040-10-31\n";
    static final String SURVEY_HEADER = "응답번호,제출일시,사업자등록번호,업체명,소속센터,상시근로자수,문1_전반만족,문2_교육컨설팅만족,"
            + "문3_판로홍보만족,문4_센터운영만족,문5_재참여의향,문6_추천의향,희망지원분야,기타의견\n";

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ROUND = new java.util.concurrent.atomic.AtomicInteger(
            5000);

    private int newRound() throws IOException {
        int round = NEXT_ROUND.getAndIncrement();
        write(round, "centers.csv", CENTERS);
        return round;
    }

    static String surveyRow(int i) {
        return "R" + i + ",2040-05-01 10:00," + brn(i) + ",업체" + i + ",CHANGSIN,3,4,4,5,3,4,5,판로;교육,\n";
    }

    private List<Map<String, Object>> findings(int round) {
        // the rounds here are not calendar years of the rows, and no participants are
        // given:
        // OUT_OF_ROUND and NOT_PARTICIPANT warnings are beside the point of these tests
        return stored(round).findingsOf(kr.seoul.sogong.outcomes.findings.Severity.REJECT);
    }

    private static String gateMessage(JobExecution execution) {
        return execution.getAllFailureExceptions().get(0).getMessage();
    }

    /** A file in the round, written in a test. */
    interface RoundFiles {

        void write(BadInputJobTest test, int round) throws Exception;

    }

    /** What else a case's round must show. */
    interface Also {

        void check(BadInputJobTest test, int round, JobExecution execution) throws Exception;

    }

    /**
     * A file that cannot be read as rows, and what its finding must say: the file, the
     * sheet and field it names (null where none), the words of its message.
     */
    record Unreadable(String name, RoundFiles files, String sourceFile, String sheet, String field, List<String> says,
            Also also) {

        @Override
        public String toString() {
            return name;
        }

    }

    static List<Unreadable> unreadableFiles() {
        return List.of(new Unreadable("a CSV neither UTF-8 nor CP949", (t, round) -> {
            Path file = t.input(round).resolve("survey/bad.csv");
            java.nio.file.Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(SURVEY_HEADER.getBytes(StandardCharsets.UTF_8));
            bytes.write(new byte[] { 'R', '1', ',', (byte) 0xFF, (byte) 0xFF, '\n' });
            java.nio.file.Files.write(file, bytes.toByteArray());
        }, "survey/bad.csv", "", null, List.of("neither UTF-8 nor CP949"), (t, round, execution) -> {
            // the header, the round's missing results/ folder (a WARN), the unreadable
            // file
            assertThat(t.rejectLines(round)).hasSize(3);
            assertThat(t.rejectLines(round).get(1)).contains(",results,", "EMPTY_FOLDER,WARN");
            assertThat(t.rejectLines(round).get(2)).contains("survey/bad.csv", "UNREADABLE,REJECT");
            assertThat(t.findings(round).get(0).get("row_number")).isNull();
        }),
                // a text file under a workbook's name: said as such, with what to do
                new Unreadable("a text file named .xlsx",
                        (t, round) -> t.write(round, "survey/export.xlsx", "this is not a workbook"),
                        "survey/export.xlsx", "", null,
                        List.of("not a workbook: this is a text file", "rename it to .csv"), (t, round, execution) -> {
                        }),
                new Unreadable("a results workbook without its budget sheet",
                        (t, round) -> workbook(t.input(round).resolve("results/JANGWI.xlsx"),
                                Map.of("참여기업",
                                        List.of(List.of("센터코드", "사업자등록번호", "업체명", "지원내용", "지원시작일", "지원종료일", "교육이수시간",
                                                "수료여부")),
                                        "성과", List.of(List.of("센터코드", "사업자등록번호")))),
                        "results/JANGWI.xlsx", "예산", "budget", List.of("required sheet missing: 예산 (budget)"),
                        (t, round, execution) -> {
                        }),
                new Unreadable("a survey CSV without the business number column",
                        (t, round) -> t.write(round, "survey/no-brn.csv",
                                SURVEY_HEADER.replace("사업자등록번호,", "") + "R1,2040-05-01 10:00,업체,CHANGSIN\n"),
                        "survey/no-brn.csv", "", "brn", List.of("required column missing: 사업자등록번호 (brn)"),
                        (t, round, execution) -> {
                        }),
                new Unreadable("a budget sheet without a required column", (t, round) -> workbook(
                        t.input(round).resolve("results/JANGWI.xlsx"),
                        Map.of("참여기업", List.of(List.of("센터코드", "사업자등록번호", "업체명", "지원시작일", "지원종료일", "수료여부")), "성과",
                                List.of(List.of("센터코드", "사업자등록번호")), "예산", List.of(List.of("센터코드", "비목", "계획금액_원")))),
                        "results/JANGWI.xlsx", "예산", "executed_krw", List.of(), (t, round, execution) -> {
                        }),
                new Unreadable("an empty CSV beside a header-only one", (t, round) -> {
                    t.write(round, "survey/empty.csv", "");
                    t.write(round, "survey/header-only.csv", SURVEY_HEADER);
                }, "survey/empty.csv", "", null, List.of("no header row"), (t, round, execution) -> {
                    assertThat(gateMessage(execution)).doesNotContain("header-only");
                    // a file with a header and no rows is read, and has none
                    assertThat(t.read(t.output(round).resolve("data_quality.csv")))
                        .contains(round + ",survey/header-only.csv,0,0,0,0");
                }));
    }

    /**
     * Each file that cannot be read as rows: the round stops at the quality gate naming
     * the file as UNREADABLE, with one REJECT finding that says why — and nothing else of
     * the round is lost.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("unreadableFiles")
    void aFileThatCannotBeReadIsUnreadableSayingWhy(Unreadable c) throws Exception {
        int round = newRound();
        c.files().write(this, round);

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(gateMessage(execution)).contains(c.sourceFile() + " is UNREADABLE");
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("rule")).isEqualTo("UNREADABLE");
            assertThat(f.get("source_file")).isEqualTo(c.sourceFile());
            assertThat(f.get("sheet")).isEqualTo(c.sheet());
            if (c.field() != null) {
                assertThat(f.get("field")).isEqualTo(c.field());
            }
            c.says().forEach(words -> assertThat((String) f.get("message")).contains(words));
        });
        c.also().check(this, round, execution);
    }

    @Test
    void unbalancedQuoteCostsOneRowAndReadingGoesOn() throws Exception {
        int round = newRound();
        StringBuilder csv = new StringBuilder(SURVEY_HEADER);
        for (int i = 1; i <= 15; i++) {
            csv.append(i == 3 ? "R3,2040-05-01 10:00," + brn(3) + ",\"업체3,CHANGSIN,3,4,4,5,3,4,5,판로,\n" : surveyRow(i));
        }
        write(round, "survey/quotes.csv", csv.toString());

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings(round)).filteredOn(f -> f.get("rule").equals("FORMAT")).singleElement().satisfies(f -> {
            assertThat(f.get("row_number")).isEqualTo(4);
            assertThat((String) f.get("message")).contains("not closed on its line");
        });
        List<Integer> rows = jdbc.queryForList("select row_number from survey_response where round = ? order by 1",
                Integer.class, round);
        assertThat(rows).hasSize(14).contains(2, 3, 5, 16).doesNotContain(4);
    }

    @Test
    void blankRowsInTheMiddleOfASheetDoNotEndIt() throws Exception {
        int round = newRound();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(SURVEY_HEADER.strip().split(",")));
        for (int i = 1; i <= 6; i++) {
            rows.add(i == 3 ? List.of("", "", "") : List.of(surveyRow(i).strip().split(",", -1)));
        }
        // a row absent from the sheet altogether
        rows.add(null);
        rows.add(List.of(surveyRow(9).strip().split(",", -1)));
        workbook(input(round).resolve("survey/export.xlsx"), Map.of("응답", rows));

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("select row_number from survey_response where round = ? order by 1", Integer.class,
                round))
            .containsExactly(2, 3, 5, 6, 7, 9);
        assertThat(read(output(round).resolve("data_quality.csv"))).contains(",survey/export.xlsx,6,6,0,");
    }

    @Test
    void twentyMegabyteCellIsAFindingNotACrash() throws Exception {
        int round = newRound();
        StringBuilder csv = new StringBuilder(SURVEY_HEADER);
        for (int i = 1; i <= 12; i++) {
            csv.append(surveyRow(i));
        }
        csv.append("R99,2040-05-01 10:00,")
            .append(brn(99))
            .append(",업체,CHANGSIN,3,4,4,5,3,4,5,판로,\"")
            .append("가".repeat(20 * 1024 * 1024 / 3))
            .append("\"\n");
        write(round, "survey/huge.csv", csv.toString());

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("field")).isEqualTo("comment");
            assertThat(f.get("rule")).isEqualTo("FORMAT");
            assertThat(f.get("row_number")).isEqualTo(14);
            assertThat(((String) f.get("val")).length()).isLessThanOrEqualTo(200);
        });
        assertThat(jdbc.queryForObject("select count(*) from survey_response where round = ?", Integer.class, round))
            .isEqualTo(12);
    }

    @Test
    void twentyMegabyteCellInAWorkbookIsAFindingNotACrash() throws Exception {
        int round = newRound();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(SURVEY_HEADER.strip().split(",")));
        for (int i = 1; i <= 12; i++) {
            rows.add(List.of(surveyRow(i).strip().split(",", -1)));
        }
        List<String> huge = new ArrayList<>(List.of(surveyRow(99).strip().split(",", -1)));
        huge.set(13, "HUGE-CELL");
        rows.add(huge);
        // Excel stops a cell at 32,767 characters; a crafted file need not, so the text
        // is put in by hand
        Path plain = WORK.resolve("plain-huge-" + round + ".xlsx");
        workbook(plain, Map.of("응답", rows));
        // varied text: 20 MB of one repeated character would compress like a zip bomb,
        // and be refused as one
        java.util.Random random = new java.util.Random(1);
        StringBuilder text = new StringBuilder();
        while (text.length() < 20 * 1024 * 1024 / 3) {
            text.append((char) (0xAC00 + random.nextInt(11172)));
        }
        String twentyMegabytes = text.toString();
        rewriteZip(plain, input(round).resolve("survey/huge.xlsx"),
                (name, content,
                        z) -> z.write(name.endsWith("sharedStrings.xml")
                                ? new String(content, StandardCharsets.UTF_8).replace("HUGE-CELL", twentyMegabytes)
                                    .getBytes(StandardCharsets.UTF_8)
                                : content));

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("field")).isEqualTo("comment");
            assertThat(f.get("rule")).isEqualTo("FORMAT");
            assertThat(f.get("row_number")).isEqualTo(14);
        });
    }

    @Test
    void zipBombIsRefusedNotExpanded() throws Exception {
        int round = newRound();
        Path plain = WORK.resolve("plain-" + round + ".xlsx");
        workbook(plain, Map.of("응답", List.of(List.of(SURVEY_HEADER.strip().split(",")))));
        Path bomb = input(round).resolve("survey/bomb.xlsx");
        rewriteZip(plain, bomb, (name, content, z) -> {
            if (!name.endsWith("sheet1.xml")) {
                z.write(content);
                return;
            }
            String xml = new String(content, StandardCharsets.UTF_8);
            int at = xml.indexOf("<sheetData");
            z.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                // 200 MB of nothing, a few hundred KB compressed
                z.write(spaces);
            }
            z.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        });
        assertThat(Files.size(bomb)).isLessThan(2_000_000);

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("rule")).isEqualTo("UNREADABLE");
            // said as what to do, not as POI's advice to a developer (issue 20)
            assertThat((String) f.get("message")).contains("compressed far more than workbooks are", "save it again")
                .doesNotContain("ZipSecureFile")
                .doesNotContain("MinInflateRatio");
        });
    }

    @Test
    void badCentersFileFailsTheJobNamingRowAndField() throws Exception {
        int round = newRound();
        write(round, "centers.csv", CENTERS.replace("패턴,TECH", "패턴,MAKING"));
        write(round, "survey/ok.csv", SURVEY_HEADER + surveyRow(1));

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage())
            .contains("centers.csv row 3, field track: 'MAKING' is neither SALES nor TECH");
        assertThat(findings(round)).isEmpty();
    }

    /**
     * Copies a workbook's zip entries, letting {@code rewrite} write the content of each
     * (the original by default).
     */
    interface EntryRewrite {

        void write(String name, byte[] content, ZipOutputStream out) throws IOException;

    }

    static void rewriteZip(Path from, Path to, EntryRewrite rewrite) throws IOException {
        Files.createDirectories(to.getParent());
        try (ZipFile zip = new ZipFile(from.toFile());
                OutputStream out = Files.newOutputStream(to);
                ZipOutputStream z = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                rewrite.write(e.getName(), zip.getInputStream(e).readAllBytes(), z);
                z.closeEntry();
            }
        }
    }

    /** Writes a workbook; a null row leaves that row absent from the sheet. */
    static void workbook(Path file, Map<String, List<List<String>>> sheets) throws IOException {
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (String name : List.of("참여기업", "성과", "예산", "응답")) {
                if (!sheets.containsKey(name)) {
                    continue;
                }
                Sheet sheet = wb.createSheet(name);
                int r = 0;
                for (List<String> values : sheets.get(name)) {
                    if (values != null) {
                        Row row = sheet.createRow(r);
                        for (int c = 0; c < values.size(); c++) {
                            row.createCell(c).setCellValue(values.get(c));
                        }
                    }
                    r++;
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

}
