package kr.seoul.sogong.outcomes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.SampleRounds;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards against destroyed rows surviving in the H2 file's free pages: the sample round
 * run into a file database, then {@code destroy} (as the operator runs it, a child JVM on
 * the jar), and the file read raw, byte by byte, for the business numbers and firm names
 * it held.
 */
class DestructionH2IT {

    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private List<String> args(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--outcomes.input-dir=" + work.resolve("input"),
                "--outcomes.output-dir=" + work.resolve("output"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/outcomes",
                // the sample round of 2022 is past a year's retention now
                "--outcomes.retention.personal-data=P1Y", "--outcomes.retention.kits-dir=" + work.resolve("kits")));
        return args;
    }

    /** Business numbers and firm names the round stored, as the database holds them. */
    private List<String> personal() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager
            .getConnection("jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + "/outcomes", "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select brn, firm_name from participant where round = 2022 order by id"
                        + " fetch first 20 rows only")) {
            while (rs.next()) {
                values.add(rs.getString(1));
                values.add(rs.getString(2));
            }
        }
        return values;
    }

    private static boolean holds(byte[] file, String value) {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        outer: for (int i = 0; i + needle.length <= file.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (file[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theDestroyedRowsAreGoneFromTheFileItself() throws Exception {
        SampleRounds.copy(Path.of("input", "2022"), work.resolve("input").resolve("2022"));
        assertThat(ChildJob.run(args("round=2022", "runDate=2022-11-01"), RUN)).isEqualTo(ExitCodes.COMPLETED);
        List<String> personal = personal();
        assertThat(personal).hasSize(40);
        Path file = work.resolve("db").resolve("outcomes.mv.db");
        byte[] before = Files.readAllBytes(file);
        // the check can see what it looks for
        assertThat(personal).filteredOn(v -> holds(before, v)).isNotEmpty();

        try (ChildJob destroy = ChildJob.start(args("destroy"))) {
            assertThat(destroy.waitFor(RUN)).isEqualTo(ExitCodes.COMPLETED);
            assertThat(destroy.output()).contains("round 2022: past 2023-12-31; destroyed survey_response ")
                .contains("H2: the database file was compacted");
        }

        byte[] after = Files.readAllBytes(file);
        assertThat(personal).filteredOn(v -> holds(after, v)).isEmpty();
        assertThat(work.resolve("output").resolve("2022").resolve("participation_by_center.csv")).exists();
        assertThat(work.resolve("output").resolve("2022").resolve("rejects.csv")).doesNotExist();
    }

}
