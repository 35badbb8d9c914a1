package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import kr.seoul.sogong.outcomes.reports.ExportFormat;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The committee's files: the same numbers everywhere, safe to open, no personal data. */
class CommitteeOutputsTest extends OutcomesJobTestSupport {

    private static final Pattern TD = Pattern.compile("<td[^>]*>(.*?)</td>");

    private static List<List<String>> csvRows(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static List<List<String>> htmlRows(String html, String title) {
        int start = html.indexOf("<h2>" + title + "</h2>");
        String section = html.substring(start, html.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        for (String tr : section.split("<tr")) {
            Matcher m = TD.matcher(tr);
            List<String> cells = new ArrayList<>();
            while (m.find()) {
                cells.add(m.group(1));
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    /**
     * Guards against a number that reads one way in the database and another in a file
     * the committee opens: the satisfaction and budget tables, read from the database
     * (rounded as exported), the CSV, the workbook and the page, agree cell by cell.
     */
    @Test
    void databaseCsvWorkbookAndPageShowTheSameNumbers() throws Exception {
        int round = 2222;
        copySample(2022, round);
        JobExecution execution = launch(round, LocalDate.of(2022, 11, 1));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<List<String>> csv = csvRows(output(round).resolve("satisfaction_by_center.csv"));
        List<Map<String, Object>> db = jdbc.queryForList("select * from satisfaction_latest where round = ?"
                + " order by case when center_code = 'ALL' then 1 else 0 end, center_code, item", round);
        String html = Files.readString(output(round).resolve("committee-report.html"));
        List<List<String>> page = htmlRows(html, "센터별 만족도");
        assertThat(csv).hasSize(36).hasSameSizeAs(db).hasSameSizeAs(page);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(output(round).resolve("committee-report.xlsx")))) {
            Sheet sheet = wb.getSheet("센터별 만족도");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            for (int i = 0; i < csv.size(); i++) {
                List<String> c = csv.get(i);
                Map<String, Object> d = db.get(i);
                Row x = sheet.getRow(i + 1);
                List<String> h = page.get(i);
                assertThat(c.get(1)).isEqualTo(d.get("center_code"));
                // the committee reads the center's name, its code beside it; the CSV
                // keeps the code
                String code = c.get(1);
                String name = code.equals("ALL") ? "전체"
                        : jdbc.queryForObject("select center_name from center where round = ? and center_code = ?",
                                String.class, round, code);
                assertThat(x.getCell(1).getStringCellValue())
                    .isEqualTo(code.equals("ALL") ? name : name + " (" + code + ")");
                assertThat(h.get(1))
                    .isEqualTo(code.equals("ALL") ? name : name + " <small class=\"code\">" + code + "</small>");
                assertThat(x.getCell(2).getStringCellValue()).as("the item by its question").startsWith("문");
                String[] columns = { "n", "mean", "ci95_low", "ci95_high", "top2_pct", "score100" };
                ExportFormat[] formats = { ExportFormat.INTEGER, ExportFormat.TWO_DECIMALS, ExportFormat.TWO_DECIMALS,
                        ExportFormat.TWO_DECIMALS, ExportFormat.ONE_DECIMAL, ExportFormat.ONE_DECIMAL };
                for (int k = 0; k < columns.length; k++) {
                    String fromCsv = c.get(3 + k);
                    assertThat(formats[k].text(d.get(columns[k]))).as("db %s row %d", columns[k], i).isEqualTo(fromCsv);
                    Cell cell = x.getCell(3 + k);
                    if (fromCsv.isEmpty()) {
                        assertThat(cell.getStringCellValue()).isEqualTo("—");
                        assertThat(h.get(3 + k)).isEqualTo("—");
                    }
                    else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(new BigDecimal(fromCsv))
                            .isEqualByComparingTo(BigDecimal.valueOf(cell.getNumericCellValue()));
                        assertThat(h.get(3 + k)).isEqualTo(fromCsv);
                    }
                }
            }
            assertThat(wb.getSheet("정의")).isNotNull();
            assertThat(wb.getSheet("차트").getDrawingPatriarch().getCharts()).hasSize(2);
        }
        List<List<String>> budget = csvRows(output(round).resolve("budget_by_center.csv"));
        List<List<String>> budgetPage = htmlRows(html, "센터별 예산 집행");
        for (int i = 0; i < budget.size(); i++) {
            assertThat(budgetPage.get(i).get(5)).isEqualTo(budget.get(i).get(5));
        }
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(");
        // every table's total row reads 전체, the participation table's too (it said ALL:
        // its
        // own center_name column is empty on that row); the CSV keeps ALL
        // the needs as a centers × needs matrix of shares, each cell the CSV's share; the
        // long
        // table in the appendix
        List<List<String>> needsCsv = csvRows(output(round).resolve("needs_by_center.csv"));
        List<String> needs = needsCsv.stream().map(row -> row.get(2)).distinct().toList();
        List<List<String>> matrix = htmlRows(html, "센터별 희망 지원분야 (응답 중 비율, %)");
        List<String> needCenters = needsCsv.stream().map(row -> row.get(1)).distinct().toList();
        assertThat(matrix).hasSize(needCenters.size());
        for (List<String> row : needsCsv) {
            List<String> line = matrix.get(needCenters.indexOf(row.get(1)));
            String cell = line.get(1 + needs.indexOf(row.get(2)));
            assertThat(cell).as(row.toString()).isEqualTo(row.get(4).isEmpty() ? "—" : row.get(4));
        }
        assertThat(html.indexOf("<h2>센터별 희망 지원분야</h2>")).as("the long table, in the appendix")
            .isGreaterThan(html.indexOf("<h2 class=\"appendix\">부록</h2>"));
        // the response rate's definition beside it, with why the counts may not match it
        assertThat(html).contains("설문 응답수는 참여기업 명단에 없는 기업의 응답도 세므로");
        List<List<String>> participation = htmlRows(html, "센터별 참여 현황");
        assertThat(participation).last().satisfies(row -> assertThat(row.get(1)).isEqualTo("전체"));
        assertThat(csvRows(output(round).resolve("participation_by_center.csv"))).last()
            .satisfies(row -> assertThat(row.get(1)).isEqualTo("ALL"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(output(round).resolve("committee-report.xlsx")))) {
            List<String> centers = new java.util.ArrayList<>();
            for (Row row : wb.getSheet("센터별 참여 현황")) {
                Cell center = row.getCell(1);
                if (center != null && center.getCellType() == CellType.STRING) {
                    centers.add(center.getStringCellValue());
                }
            }
            assertThat(centers).contains("전체").doesNotContain("ALL");
        }
    }

    /**
     * Guards against a cell the spreadsheet would run as a formula, and against markup in
     * the page.
     */
    @Test
    void formulasAreEscapedAndMarkupIsInert() throws Exception {
        int round = 2223;
        copySample(2022, round);
        String hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
        Path centers = input(round).resolve("centers.csv");
        String dde = "+cmd|' /C calc'!A0";
        String text = Files.readString(centers)
            .replace("독산의류제조센터", dde)
            .replace("광진의류제조센터", "<script>alert(1)</script>");
        Files.writeString(centers, text);
        Path survey = input(round).resolve("survey/extra.csv");
        Files.writeString(survey, BadInputJobTest.SURVEY_HEADER + "X1,2022-05-01 10:00," + CsvFixture.brn(1) + ",\""
                + hyperlink.replace("\"", "\"\"") + "\",\"" + hyperlink.replace("\"", "\"\"") + "\",3,4,,,,,,,\n"
                + Stream.iterate(2, i -> i + 1).limit(12).map(BadInputJobTest::surveyRow).reduce("", String::concat));

        assertThat(launch(round, LocalDate.of(2022, 11, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        String participation = read(output(round).resolve("participation_by_center.csv"));
        assertThat(participation).contains(",DOKSAN,'" + dde + ",");
        assertThat(read(output(round).resolve("rejects.csv")))
            .contains(",center,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",UNKNOWN_CENTER,");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(output(round).resolve("committee-report.xlsx")))) {
            Sheet sheet = wb.getSheet("센터별 참여 현황");
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                Cell cell = row.getCell(2);
                if (cell != null) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    names.add(cell.getStringCellValue());
                }
            }
            assertThat(names).contains("'" + dde);
        }
        String html = read(output(round).resolve("committee-report.html"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /**
     * Guards personal data: no business number of the input appears unmasked in any
     * output file (CSV, workbook XML, page, manifest), and no firm name or comment
     * reaches the committee's files.
     */
    @Test
    void noOutputHoldsABusinessNumberOrAComment() throws Exception {
        int round = 2224;
        copySample(2022, round);
        launch(round, LocalDate.of(2022, 11, 1));

        List<String> numbers = jdbc.queryForList(
                "select brn from participant where round = ? union select brn from"
                        + " survey_response where round = ? union select brn from outcome where round = ?",
                String.class, round, round, round);
        assertThat(numbers).hasSizeGreaterThan(100);
        List<String> firmNames = jdbc.queryForList("select distinct firm_name from participant where round = ?",
                String.class, round);
        List<String> comments = jdbc.queryForList(
                "select distinct comment_text from survey_response where round = ?" + " and comment_text is not null",
                String.class, round);
        assertThat(comments).isNotEmpty();
        List<Path> outputs;
        // the corrections for the centers too: they go by mail
        try (Stream<Path> files = Files.walk(output(round))) {
            outputs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(outputs).hasSizeGreaterThanOrEqualTo(11)
            .anyMatch(p -> p.getParent().getFileName().toString().equals("corrections"));
        for (Path file : outputs) {
            String content = file.toString().endsWith(".xlsx") ? unzippedText(file) : Files.readString(file);
            for (String brn : numbers) {
                String dashed = brn.substring(0, 3) + "-" + brn.substring(3, 5) + "-" + brn.substring(5);
                assertThat(content).as(file.getFileName().toString()).doesNotContain(brn).doesNotContain(dashed);
            }
            for (String comment : comments) {
                assertThat(content).as(file.getFileName().toString()).doesNotContain(comment);
            }
            // a center's corrections name its own firms, as rejects.csv does
            if (!file.getFileName().toString().equals("rejects.csv")
                    && !file.getParent().getFileName().toString().equals("corrections")) {
                for (String name : firmNames) {
                    assertThat(content).as(file.getFileName().toString()).doesNotContain("," + name + ",");
                }
            }
        }
    }

    private static String unzippedText(Path xlsx) throws Exception {
        // through the central directory: POI's streaming writer leaves sizes out of the
        // local headers
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

}
