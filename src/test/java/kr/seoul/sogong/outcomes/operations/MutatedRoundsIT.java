package kr.seoul.sogong.outcomes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kr.seoul.sogong.outcomes.MutatedFiles;
import kr.seoul.sogong.outcomes.SampleRounds;
import kr.seoul.sogong.outcomes.intake.TextEncoding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A handful of the conservation property's cases through the whole job, on the packaged
 * application: the 2022 sample round with its survey CSV, survey workbook and one results
 * workbook damaged at random (seeded), run on H2 and on PostgreSQL. Whatever the damage:
 * the job completes or stops at the quality gate (exit 0 or 3), never crashes, ends
 * without a stack trace, stores or rejects every record it read, and the two databases
 * give byte-identical CSVs.
 */
class MutatedRoundsIT {

    static final Duration RUN = Duration.ofMinutes(2);

    @TempDir
    static Path work;

    @org.junit.jupiter.api.AfterAll
    static void stopPostgres() throws java.io.IOException {
        ProcessPostgresIT.stop();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 11, 23, 37, 41 })
    void aDamagedRoundEndsTheSameOnH2AndPostgres(long seed) throws Exception {
        Path input = work.resolve("input-" + seed);
        Path round = input.resolve("2022");
        SampleRounds.copy(Path.of("input", "2022"), round);
        Random random = new Random(seed);
        Path csv = round.resolve("survey/설문_2022_1차.csv");
        Files.writeString(csv, MutatedFiles.mutateCsv(Files.readString(csv, TextEncoding.CP949), random, 6));
        MutatedFiles.mutateWorkbook(round.resolve("survey/설문_2022_2차.xlsx"), random, 4);
        MutatedFiles.mutateWorkbook(round.resolve("results/JANGWI_2022_결과.xlsx"), random, 4);

        String h2 = "jdbc:h2:file:" + work.resolve("h2-" + seed).toAbsolutePath() + "/outcomes";
        String pgDatabase = "mutated_" + seed;
        new JdbcTemplate(ProcessPostgresIT.server().getPostgresDatabase()).execute("create database " + pgDatabase);
        String pg = ProcessPostgresIT.server().getJdbcUrl("postgres", pgDatabase);

        int h2Exit = run(input, "h2-" + seed, h2, "sa");
        int pgExit = run(input, "pg-" + seed, pg, "postgres");

        assertThat(h2Exit).isIn(ExitCodes.COMPLETED, ExitCodes.QUALITY_GATE).isEqualTo(pgExit);
        Map<String, byte[]> h2Out = csvs(work.resolve("out-h2-" + seed));
        Map<String, byte[]> pgOut = csvs(work.resolve("out-pg-" + seed));
        assertThat(h2Out).containsKeys("rejects.csv", "data_quality.csv");
        assertThat(pgOut.keySet()).isEqualTo(h2Out.keySet());
        h2Out.forEach((name, bytes) -> assertThat(new String(pgOut.get(name))).as(name).isEqualTo(new String(bytes)));
        assertConserved(h2, "sa");
        assertConserved(pg, "postgres");
    }

    private static int run(Path input, String scenario, String url, String user) throws Exception {
        List<String> args = new ArrayList<>(List.of("round=2022", "runDate=2022-11-01", "--outcomes.input-dir=" + input,
                "--outcomes.output-dir=" + work.resolve("out-" + scenario), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password="));
        try (ChildJob job = ChildJob.start(args)) {
            int exit = job.waitFor(RUN);
            assertThat(job.output()).as(scenario).doesNotContain("\tat ").doesNotContain("Caused by:");
            return exit;
        }
    }

    /**
     * In the database: every file's rows read = rows stored as accepted + rows with a
     * REJECT finding.
     */
    private static void assertConserved(String url, String user) {
        JdbcTemplate jdbc = new JdbcTemplate((DataSource) new DriverManagerDataSource(url, user, ""));
        for (Map<String, Object> file : jdbc.queryForList(
                "select source_file, rows_read from source_file" + " where round = 2022 and status = 'READY'")) {
            String sourceFile = (String) file.get("source_file");
            long stored = 0;
            for (String table : List.of("survey_response", "participant", "outcome")) {
                stored += jdbc.queryForObject(
                        "select count(*) from " + table + " where round = 2022 and source_file = ?" + " and accepted",
                        Long.class, sourceFile);
            }
            stored += jdbc.queryForObject("select count(*) from budget_line where round = 2022 and source_file = ?",
                    Long.class, sourceFile);
            long rejected = jdbc.queryForObject("select count(distinct concat(sheet, '/', row_number)) from finding"
                    + " where round = 2022 and source_file = ? and severity = 'REJECT' and row_number is not null",
                    Long.class, sourceFile);
            assertThat(stored + rejected).as(url + " " + sourceFile)
                .isEqualTo(((Number) file.get("rows_read")).longValue());
        }
    }

    private static Map<String, byte[]> csvs(Path out) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out.resolve("2022"))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

}
