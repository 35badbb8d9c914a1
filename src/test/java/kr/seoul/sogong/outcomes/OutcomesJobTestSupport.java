package kr.seoul.sogong.outcomes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Functional tests in the style of Spring Batch's samples: given files under a round
 * folder, launch the job, then assert tables, counts and statuses. Each test uses its own
 * round number, so tests share one database and one context without seeing each other's
 * rows.
 */
@SpringBootTest(properties = { "outcomes.launcher.enabled=false", "outcomes.chunk-size=100",
        // the ingest partitioned whatever the machine's cores, and a CSV over 4 KB (the
        // sample's first survey file) read in byte ranges
        "outcomes.ingest-partitions=2", "outcomes.ingest-range=2KB",
        "spring.datasource.url=jdbc:h2:mem:outcomes-test;DB_CLOSE_DELAY=-1", "logging.level.kr.seoul.sogong=WARN",
        "logging.file.name=target/test-logs/outcomes.log" })
public abstract class OutcomesJobTestSupport {

    protected static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("outcomes-test");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("outcomes.input-dir", () -> WORK.resolve("input").toString());
        registry.add("outcomes.output-dir", () -> WORK.resolve("output").toString());
    }

    protected JobOperatorTestUtils jobOperator;

    @Autowired
    void jobOperator(Job outcomesJob, JobOperator operator, JobRepository repository) {
        jobOperator = new JobOperatorTestUtils(operator, repository);
        jobOperator.setJob(outcomesJob);
    }

    @Autowired
    protected JdbcTemplate jdbc;

    /** What the round holds in the database. */
    protected StoredRound stored(int round) {
        return new StoredRound(jdbc, round);
    }

    /**
     * A generated round of which only the survey was handed in (the participant lists not
     * yet): every answer is NOT_PARTICIPANT.
     */
    protected void surveyAlone(int round, int centers, int firmsPerCenter, long seed) throws IOException {
        kr.seoul.sogong.outcomes.generator.RoundGenerator.synthetic(WORK.resolve("input"), round, centers,
                firmsPerCenter, 0, seed);
        try (var results = java.nio.file.Files.list(input(round).resolve("results"))) {
            for (Path file : results.toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }

    protected long notParticipantFindings(int round) {
        return jdbc.queryForObject("select count(*) from finding where round = ? and rule = 'NOT_PARTICIPANT'",
                Long.class, round);
    }

    protected Path input(int round) {
        return WORK.resolve("input").resolve(String.valueOf(round));
    }

    protected Path output(int round) {
        return WORK.resolve("output").resolve(String.valueOf(round));
    }

    protected JobExecution launch(int round, LocalDate runDate) throws Exception {
        JobParameters parameters = new JobParametersBuilder().addLong("round", (long) round)
            .addLocalDate("runDate", runDate)
            .toJobParameters();
        return jobOperator.startJob(parameters);
    }

    protected static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions()
            .stream()
            .filter(s -> s.getStepName().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no step " + name + " in " + execution.getStepExecutions()));
    }

    /**
     * Copies the shipped sample round {@code input/<from>} to this test's round folder.
     */
    protected void copySample(int from, int round) throws IOException {
        SampleRounds.copy(Path.of("input", String.valueOf(from)), input(round));
    }

    /**
     * A round of one center, AAA, with a survey file of 10 rows, {@code bad} of them with
     * a wrong BRN (over 1 trips the quality gate); firms from {@code brn(firstSerial)}.
     */
    protected void oneCenterRound(int round, int bad, int firstSerial) throws IOException {
        write(round, "centers.csv", CsvFixture.centers()
            .row("AAA", "에이센터", "종로구", "의류", "과제", "SALES", 50_000_000, 10, round + "-04-01", round + "-10-31"));
        CsvFixture survey = CsvFixture.survey();
        for (int i = 0; i < 10; i++) {
            survey.row("R" + i, round + "-05-01 10:00", i < bad ? "123-45-678" : CsvFixture.brn(firstSerial + i),
                    "업체" + i, "AAA", 3, 4, 4, 5, 3, 4, 5, "판로", "");
        }
        write(round, "survey/answers.csv", survey);
    }

    protected void write(int round, String relative, CsvFixture table) throws IOException {
        write(round, relative, table.text());
    }

    protected void write(int round, String relative, String content) throws IOException {
        Path file = input(round).resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * Everything stored for a round, without surrogate ids: what "the same tables" means.
     */
    protected Map<String, List<Map<String, Object>>> tables(int round) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of("survey_response", "participant", "outcome", "budget_line")) {
            tables.put(table,
                    withoutId(jdbc.queryForList(
                            "select * from " + table + " where round = ? order by source_file, sheet_index, row_number",
                            round)));
        }
        tables.put("finding", withoutId(jdbc.queryForList("select * from finding where round = ?"
                + " order by source_file, sheet, row_number, field, rule, message", round)));
        return tables;
    }

    private static List<Map<String, Object>> withoutId(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!k.equalsIgnoreCase("id")) {
                    copy.put(k.toLowerCase(), v);
                }
            });
            out.add(copy);
        }
        return out;
    }

    /**
     * Forgets what was stored for a round, as if the database were new, keeping the job
     * history.
     */
    protected void forgetStoredRound(int round) {
        for (String table : List.of("survey_response", "participant", "outcome", "budget_line", "finding", "row_digest",
                "cross_row_verdict", "source_range", "source_file", "round_input", "center")) {
            jdbc.update("delete from " + table + " where round = ?", round);
        }
    }

    /**
     * Every CSV the run wrote for a round, by file name: what "byte-identical outputs"
     * compares.
     */
    protected Map<String, byte[]> csvOutputs(int round) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> list = Files.list(output(round))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    protected String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    protected List<String> rejectLines(int round) throws IOException {
        return Files.readAllLines(output(round).resolve("rejects.csv"), StandardCharsets.UTF_8);
    }

}
