package kr.seoul.sogong.outcomes;

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
import kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber;
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

    static String brn(int serial) {
        String nine = String.format("101%06d", serial);
        return nine + BusinessRegistrationNumber.checkDigitFor(nine);
    }

    static String surveyRow(int i) {
        return "R" + i + ",2040-05-01 10:00," + brn(i) + ",업체" + i + ",CHANGSIN,3,4,4,5,3,4,5,판로;교육,\n";
    }

    private List<Map<String, Object>> findings(int round) {
        // the rounds here are not calendar years of the rows, and no participants are
        // given:
        // OUT_OF_ROUND and NOT_PARTICIPANT warnings are beside the point of these tests
        return jdbc.queryForList(
                "select * from finding where round = ? and severity = 'REJECT'" + " order by row_number, field", round);
    }

    private static String gateMessage(JobExecution execution) {
        return execution.getAllFailureExceptions().get(0).getMessage();
    }

    @Test
    void csvThatIsNeitherUtf8NorCp949IsUnreadable() throws Exception {
        int round = newRound();
        Path file = input(round).resolve("survey/bad.csv");
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(SURVEY_HEADER.getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] { 'R', '1', ',', (byte) 0xFF, (byte) 0xFF, '\n' });
        Files.write(file, bytes.toByteArray());

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(gateMessage(execution)).contains("survey/bad.csv is UNREADABLE");
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("rule")).isEqualTo("UNREADABLE");
            assertThat(f.get("row_number")).isNull();
            assertThat((String) f.get("message")).contains("neither UTF-8 nor CP949");
        });
        // the header, the round's missing results/ folder (a WARN), the unreadable file
        assertThat(rejectLines(round)).hasSize(3);
        assertThat(rejectLines(round).get(1)).contains(",results,", "EMPTY_FOLDER,WARN");
        assertThat(rejectLines(round).get(2)).contains("survey/bad.csv", "UNREADABLE,REJECT");
    }

    @Test
    void xlsxThatIsNotAZipIsUnreadable() throws Exception {
        int round = newRound();
        write(round, "survey/export.xlsx", "this is not a workbook");

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("rule")).isEqualTo("UNREADABLE");
            // a text file under a workbook's name: said as such, with what to do
            assertThat((String) f.get("message")).contains("not a workbook: this is a text file")
                .contains("rename it to .csv");
        });
    }

    @Test
    void workbookMissingASheetNamesTheSheet() throws Exception {
        int round = newRound();
        workbook(input(round).resolve("results/JANGWI.xlsx"),
                Map.of("참여기업", List.of(List.of("센터코드", "사업자등록번호", "업체명", "지원내용", "지원시작일", "지원종료일", "교육이수시간", "수료여부")),
                        "성과", List.of(List.of("센터코드", "사업자등록번호"))));

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(gateMessage(execution)).contains("results/JANGWI.xlsx is UNREADABLE");
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("field")).isEqualTo("budget");
            assertThat((String) f.get("message")).contains("required sheet missing: 예산 (budget)");
        });
    }

    @Test
    void missingRequiredColumnNamesTheHeader() throws Exception {
        int round = newRound();
        write(round, "survey/no-brn.csv", SURVEY_HEADER.replace("사업자등록번호,", "") + "R1,2040-05-01 10:00,업체,CHANGSIN\n");

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("field")).isEqualTo("brn");
            assertThat((String) f.get("message")).contains("required column missing: 사업자등록번호 (brn)");
        });
    }

    @Test
    void workbookSheetMissingAColumnNamesSheetAndHeader() throws Exception {
        int round = newRound();
        workbook(input(round).resolve("results/JANGWI.xlsx"),
                Map.of("참여기업", List.of(List.of("센터코드", "사업자등록번호", "업체명", "지원시작일", "지원종료일", "수료여부")), "성과",
                        List.of(List.of("센터코드", "사업자등록번호")), "예산", List.of(List.of("센터코드", "비목", "계획금액_원"))));

        launch(round, LocalDate.of(2040, 1, 1));

        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("sheet")).isEqualTo("예산");
            assertThat(f.get("field")).isEqualTo("executed_krw");
        });
    }

    @Test
    void emptyFileIsUnreadableAndHeaderOnlyFileHasNoRows() throws Exception {
        int round = newRound();
        write(round, "survey/empty.csv", "");
        write(round, "survey/header-only.csv", SURVEY_HEADER);

        JobExecution execution = launch(round, LocalDate.of(2040, 1, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(gateMessage(execution)).contains("survey/empty.csv").doesNotContain("header-only");
        assertThat(findings(round)).singleElement().satisfies(f -> {
            assertThat(f.get("source_file")).isEqualTo("survey/empty.csv");
            assertThat((String) f.get("message")).contains("no header row");
        });
        assertThat(read(output(round).resolve("data_quality.csv"))).contains(round + ",survey/header-only.csv,0,0,0,0");
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
