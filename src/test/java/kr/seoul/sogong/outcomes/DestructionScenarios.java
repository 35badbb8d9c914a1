package kr.seoul.sogong.outcomes;

import static kr.seoul.sogong.outcomes.CsvFixture.brn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.operations.RoundRunner;
import kr.seoul.sogong.outcomes.operations.RunRequest;
import kr.seoul.sogong.outcomes.reports.CommitteeFiles;
import kr.seoul.sogong.outcomes.retention.Destruction;
import kr.seoul.sogong.outcomes.retention.DestructionLedger;
import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code destroy}: a round past its retention loses every personal field from every table
 * and its row-level files, the committee's files stay byte for byte and the next round
 * still compares with it; a round inside its retention is untouched; a dry run changes
 * nothing; a second run destroys nothing more and says so in the ledger.
 */
abstract class DestructionScenarios extends OutcomesJobTestSupport {

    static final int OLD = 8401;

    static final int NEXT = 8402;

    /**
     * With the default P5Y: the old round is kept until 8406-12-31, the next until
     * 8407-12-31.
     */
    static final LocalDate TODAY = LocalDate.of(8407, 6, 1);

    @Autowired
    RoundRunner runner;

    @Autowired
    Destruction destruction;

    @Autowired
    DestructionLedger ledger;

    /**
     * What identifies the old round's firms as stored: business numbers, names, a
     * comment.
     */
    private static final List<String> PERSONAL = List.of(brn(840100), brn(840105), "파기될업체0", "파기될업체5", "파기될 의견 840100");

    /**
     * The business numbers as people write them (stored as ten digits, never like this).
     */
    private static final List<String> WRITTEN = List.of(format325(brn(840100)), format325(brn(840105)));

    private static String format325(String brn) {
        return brn.substring(0, 3) + "-" + brn.substring(3, 5) + "-" + brn.substring(5);
    }

    private void round(int round, int serial, String firm) throws IOException {
        write(round, "centers.csv", CsvFixture.centers()
            .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 10, round + "-04-01", round + "-10-31"));
        // the address goes with the rest
        Files.writeString(input(round).resolve("centers.csv"),
                Files.readString(input(round).resolve("centers.csv"))
                    .replaceFirst("period_end\n", "period_end,contact_email\n")
                    .replaceFirst("-10-31\n", "-10-31,clerk" + round + "@center.example\n"));
        CsvFixture participants = CsvFixture.participants();
        CsvFixture survey = CsvFixture.survey();
        for (int i = 0; i < 10; i++) {
            // the first firm's number shown 3-2-5 in the survey
            String number = i == 0 ? format325(brn(serial + i)) : brn(serial + i);
            participants.row("AAA", brn(serial + i), firm + i, "지원", round + "-04-01", round + "-06-01", 1, "Y");
            survey.row("R" + i, round + "-05-01 10:00", number, firm + i, "AAA", 3, i == 9 ? 7 : 4, 4, 5, 3, 4, 5, "판로",
                    i == 0 ? "파기될 의견 " + serial : "");
        }
        write(round, "results/aaa_participants.csv", participants);
        write(round, "survey/answers.csv", survey);
    }

    /**
     * Every value of every table of ours and Spring Batch's, as text, on H2 and
     * PostgreSQL alike.
     */
    private String database() {
        StringBuilder all = new StringBuilder();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_type = 'BASE TABLE' and lower(table_schema) = 'public'", String.class);
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            jdbc.query("select * from \"" + table + "\"", (java.sql.ResultSet rs) -> {
                int columns = rs.getMetaData().getColumnCount();
                all.append(table).append(':');
                for (int c = 1; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    all.append(v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v))
                        .append('|');
                }
                all.append('\n');
            });
        }
        return all.toString();
    }

    /**
     * Every file left under a round's output folder as text: a workbook's XML parts read
     * out of its zip, since its cells are compressed there.
     */
    private static String outputs(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().endsWith(".xlsx")) {
                    try (var zip = new java.util.zip.ZipFile(f.toFile())) {
                        for (var entry : java.util.Collections.list(zip.entries())) {
                            text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
                else {
                    text.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

    /**
     * {@code destroy} of this test's two rounds, by name: the database is shared with
     * other tests, whose rounds are past any retention in the year 8407 too.
     */
    private List<String> destroy(boolean dryRun) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int round : List.of(OLD, NEXT)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = destruction.destroy(round, dryRun, "test", TODAY,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(ExitCodes.COMPLETED);
            out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("round ")).forEach(lines::add);
        }
        return lines;
    }

    private List<DestructionLedger.Line> ledgerOfOld() {
        return ledger.all().stream().filter(l -> l.round() == OLD).toList();
    }

    private Map<String, byte[]> committeeFiles(int round) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : CommitteeFiles.NAMES.stream().filter(n -> n.endsWith(".csv")).sorted().toList()) {
            files.put(name, Files.readAllBytes(output(round).resolve(name)));
        }
        return files;
    }

    @Test
    void aRoundPastItsRetentionLosesItsPersonalDataAndKeepsItsFigures() throws Exception {
        round(OLD, 840100, "파기될업체");
        round(NEXT, 840200, "남을업체");
        assertThat(runner.run(new RunRequest(OLD, LocalDate.of(2040, 1, 1)), "test")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(runner.run(new RunRequest(NEXT, LocalDate.of(2040, 1, 1)), "test")).isEqualTo(ExitCodes.COMPLETED);
        Map<String, byte[]> committeeBefore = committeeFiles(OLD);
        byte[] yoyBefore = Files.readAllBytes(output(NEXT).resolve("yoy_by_center.csv"));
        long nextRows = stored(NEXT).rows(RowTable.SURVEY_RESPONSE);
        String before = database();
        // the check can see what it looks for
        assertThat(PERSONAL).allSatisfy(p -> assertThat(before).contains(p));
        assertThat(before).contains("clerk8401@center.example");
        assertThat(output(OLD).resolve("rejects.csv")).exists();
        assertThat(output(OLD).resolve("corrections")).isDirectory();

        List<String> dryRun = destroy(true);
        assertThat(dryRun).containsExactly(
                "round 8401: past 8406-12-31; would destroy survey_response 9; participant 10; outcome 0;"
                        + " budget_line 0; finding 1; row_digest 2; cross_row_verdict 0; would delete 3 file(s)",
                "round 8402: kept until 8407-12-31 (outcomes.retention.personal-data=P5Y after the round's year"
                        + " (PIPA §21)): untouched");
        assertThat(database()).isEqualTo(before);
        assertThat(ledgerOfOld()).isEmpty();

        List<String> done = destroy(false);
        assertThat(done.get(0)).startsWith("round 8401: past 8406-12-31; destroyed survey_response 9; participant 10;"
                + " outcome 0; budget_line 0; finding 1; row_digest 2; cross_row_verdict 0; mail_log 0;"
                + " center contact_email 1; deleted 3 file(s); keys sha256 ");
        String after = database();
        assertThat(PERSONAL).allSatisfy(p -> assertThat(after).doesNotContain(p));
        assertThat(WRITTEN).allSatisfy(p -> assertThat(after).doesNotContain(p));
        assertThat(after).doesNotContain("clerk8401@center.example").contains("clerk8402@center.example");
        assertThat(output(OLD).resolve("rejects.csv")).doesNotExist();
        assertThat(output(OLD).resolve("corrections")).doesNotExist();
        assertThat(output(OLD).resolve("data_quality.csv")).exists();
        String outputs = outputs(output(OLD));
        assertThat(outputs).contains("에이센터");
        assertThat(PERSONAL).allSatisfy(p -> assertThat(outputs).doesNotContain(p));
        assertThat(WRITTEN).allSatisfy(p -> assertThat(outputs).doesNotContain(p));
        assertThat(committeeFiles(OLD)).containsExactlyEntriesOf(committeeBefore);
        assertThat(stored(NEXT).rows(RowTable.SURVEY_RESPONSE)).isEqualTo(nextRows);
        assertThat(ledgerOfOld()).singleElement().satisfies(l -> {
            assertThat(l.round()).isEqualTo(OLD);
            assertThat(l.runBy()).isEqualTo("test");
            assertThat(l.legalBasis()).startsWith("outcomes.retention.personal-data=P5Y");
            assertThat(l.keysSha256()).hasSize(64);
            assertThat(l.files()).contains("rejects.csv").contains("corrections");
        });
        assertThat(Files.readString(Path.of(properties().outputDir().toString(), "destruction-ledger.csv")))
            .contains("8401,");

        // the next round still compares with it
        assertThat(runner.run(new RunRequest(NEXT, LocalDate.of(2040, 1, 2)), "test")).isEqualTo(ExitCodes.COMPLETED);
        assertThat(Files.readAllBytes(output(NEXT).resolve("yoy_by_center.csv"))).isEqualTo(yoyBefore);
        // the destroyed round is not run again from its input folder
        assertThat(runner.run(new RunRequest(OLD, LocalDate.of(2040, 1, 3)), "test")).isEqualTo(ExitCodes.FAILED);
        assertThat(database()).doesNotContain(PERSONAL.get(0));

        List<String> again = destroy(false);
        assertThat(again.get(0)).startsWith("round 8401: past 8406-12-31; destroyed survey_response 0; participant 0;"
                + " outcome 0; budget_line 0; finding 0; row_digest 0; cross_row_verdict 0; mail_log 0;"
                + " center contact_email 0; deleted 0 file(s)");
        assertThat(ledgerOfOld()).hasSize(2);
    }

    @Autowired
    kr.seoul.sogong.outcomes.settings.OutcomesProperties properties;

    private kr.seoul.sogong.outcomes.settings.OutcomesProperties properties() {
        return properties;
    }

}
