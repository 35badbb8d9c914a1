package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kr.seoul.sogong.outcomes.generator.RoundGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash recovery, one run at a time and graceful stop, proven on the packaged application
 * in child JVMs (run by failsafe after {@code package}). A subclass provides the
 * database: each scenario gets a fresh one, and the outputs are compared with those of an
 * uninterrupted run.
 */
abstract class ProcessScenarios {

    static final int ROUND = 2031;
    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    static Map<String, byte[]> uninterrupted;

    /** The database of the uninterrupted run. */
    static String cleanUrl;

    /** A fresh database for a scenario: its JDBC URL. */
    protected abstract String newDatabase(String name) throws Exception;

    protected abstract String user();

    /**
     * Whether the first run may be frozen (SIGSTOP) while a second launch starts, so the
     * second surely meets it running however slowly its JVM starts. Not on H2: the first
     * process serves the file.
     */
    protected boolean canPauseTheFirstRun() {
        return false;
    }

    @BeforeAll
    static void generateRound() throws IOException {
        // about 120,000 rows: a few seconds of ingest on two cores, long enough to kill,
        // stop or cut off mid-ingest after 40,000 committed rows with both partitions
        // still reading
        RoundGenerator.synthetic(work.resolve("input"), ROUND, 10, 4000, 211, 5);
    }

    protected List<String> args(String url, String scenario) {
        return new ArrayList<>(List.of("round=" + ROUND, "runDate=2031-11-01",
                "--outcomes.input-dir=" + work.resolve("input"),
                "--outcomes.output-dir=" + work.resolve("output-" + scenario), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user(), "--spring.datasource.password=", "--outcomes.stale-after=30s",
                // partitions on whatever the machine's cores, and the survey (3.5 MB)
                // read in
                // byte ranges over both
                "--outcomes.ingest-partitions=2", "--outcomes.ingest-range=512KB"));
    }

    private Map<String, byte[]> csvOutputs(String scenario) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(work.resolve("output-" + scenario).resolve(String.valueOf(ROUND)))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    protected Map<String, byte[]> uninterrupted() throws Exception {
        if (uninterrupted == null) {
            String url = newDatabase("clean");
            // the outputs to match: one partition reading each file whole
            List<String> args = args(url, "clean");
            args.replaceAll(a -> a.startsWith("--outcomes.ingest-partitions=") ? "--outcomes.ingest-partitions=1"
                    : a.startsWith("--outcomes.ingest-range=") ? "--outcomes.ingest-range=0" : a);
            assertThat(ChildJob.run(args, RUN)).isZero();
            cleanUrl = url;
            uninterrupted = csvOutputs("clean");
            assertThat(uninterrupted).hasSize(8);
        }
        return uninterrupted;
    }

    /** The lock file H2 keeps for the database of an H2 file URL; none for PostgreSQL. */
    static java.util.Optional<Path> h2LockFile(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        String file = url.substring("jdbc:h2:file:".length()).split(";")[0];
        return java.util.Optional.of(Path.of(file + ".lock.db"));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected JdbcTemplate jdbc(String url) {
        return new JdbcTemplate((DataSource) new DriverManagerDataSource(url, user(), ""));
    }

    protected long committedRows(JdbcTemplate jdbc) {
        try {
            Long n = jdbc.queryForObject("select coalesce(sum(rows_read), 0) from source_range where round = ?",
                    Long.class, ROUND);
            return n == null ? 0 : n;
        }
        catch (RuntimeException notYet) {
            // schema not created yet
            return 0;
        }
    }

    private String lastStatus(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select status from batch_job_execution order by job_execution_id desc limit 1",
                String.class);
    }

    protected void assertSameOutputs(String scenario) throws Exception {
        Map<String, byte[]> expected = uninterrupted();
        Map<String, byte[]> actual = csvOutputs(scenario);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        actual.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expected.get(name)));
    }

    /**
     * Kills the JVM with SIGKILL once {@code whenToKill} holds, then runs the same
     * command: the execution left STARTED is recognised as stale (its pid is gone),
     * marked FAILED and restarted from its checkpoint, and the outputs are those of an
     * uninterrupted run.
     */
    private void killAndRestart(String scenario, String stepLine, boolean midIngest) throws Exception {
        uninterrupted();
        String url = newDatabase(scenario);
        JdbcTemplate jdbc = jdbc(url);
        long committedAtKill;
        byte[] leftByTheKill;
        try (ChildJob child = ChildJob.start(args(url, scenario))) {
            child.awaitLine("Executing step: [" + stepLine + "]", RUN);
            if (midIngest) {
                child.await(() -> committedRows(jdbc) > 40_000, RUN, "40,000 committed rows");
            }
            assertThat(child.kill()).as("killed, not finished").isEqualTo(137);
            h2LockFile(url).ifPresent(f -> assertThat(f).as("the killed process's H2 lock file").exists());
            leftByTheKill = h2LockFile(url).map(ProcessScenarios::bytes).orElse(null);
            committedAtKill = committedRows(jdbc);
        }
        assertThat(lastStatus(jdbc)).isEqualTo("STARTED");
        if (midIngest) {
            assertThat(jdbc.queryForList("select step_name from batch_step_execution where status = 'STARTED'"
                    + " and step_name like 'ingestPartition:%' order by step_name", String.class))
                .as("both partitions were ingesting when the JVM was killed")
                .containsExactly("ingestPartition:partition0", "ingestPartition:partition1");
            assertThat(jdbc.queryForObject(
                    "select count(*) from source_range where round = ?" + " and source_file = 'survey/responses.csv'",
                    Integer.class, ROUND))
                .as("the survey read in byte ranges")
                .isEqualTo(8);
        }

        if (leftByTheKill != null) {
            // the lock file as the kill left it: this test's own queries opened the file
            // and, closing it, took the file away
            Files.write(h2LockFile(url).orElseThrow(), leftByTheKill);
        }
        ChildJob restarted = ChildJob.start(args(url, scenario));
        int exit = restarted.waitFor(RUN);
        assertThat(exit).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("left STARTED by a process that is gone");
        if (leftByTheKill != null) {
            // taken away at once, not waited out (H2's 3.5 s)
            assertThat(restarted.output()).contains("removed the H2 lock file left by a process that is gone");
        }
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
            .containsExactly("FAILED", "COMPLETED");
        assertThat(
                jdbc.queryForObject("select count(distinct job_instance_id) from batch_job_execution", Integer.class))
            .isOne();
        if (midIngest) {
            long total = jdbc.queryForObject("select sum(rows_read) from source_range where round = ?", Long.class,
                    ROUND);
            Long readAgain = jdbc.queryForObject("select read_count from batch_step_execution where step_name ="
                    + " 'ingestRows' order by step_execution_id desc limit 1", Long.class);
            // H2 writes commits to disk up to half a second late (WRITE_DELAY), so a kill
            // may lose the
            // last chunks: consistently, since a file's checkpoint commits with its rows
            assertThat(committedAtKill).isBetween(1L, total - 1);
            assertThat(readAgain).as("only what was not committed is read again").isEqualTo(total - committedAtKill);
        }
        assertSameOutputs(scenario);
    }

    /**
     * A way to take the database away and give it back; none where it is not a server.
     */
    protected interface DatabaseRestart {

        void run() throws Exception;

    }

    /**
     * The database server restarts (maintenance, a failover, a network blip) while the
     * run is in each of {@code steps} in turn, one run per step: each run ends with one
     * line saying the connection was lost during that step, exit 1, no stack trace on the
     * console, and the next run of the same command goes on from where it was — the last
     * one completes to the outputs of an uninterrupted run, on one job instance, whatever
     * state each run was left in (FAILED, UNKNOWN or STARTED), with every record stored
     * or rejected. Before, such a run ended UNKNOWN and every later run of the same
     * command was refused. Each run is frozen (SIGSTOP) while the server restarts, so the
     * restart surely falls inside the step however quickly it runs.
     */
    protected void restartTheDatabaseDuring(String scenario, List<String> steps, DatabaseRestart restart)
            throws Exception {
        uninterrupted();
        String url = newDatabase(scenario);
        JdbcTemplate jdbc = jdbc(url);
        for (String step : steps) {
            try (ChildJob child = ChildJob.start(args(url, scenario))) {
                child.awaitLine("Executing step: [" + step + "]", RUN);
                if (step.equals("ingestRows")) {
                    child.await(() -> committedRows(jdbc) > 40_000, RUN, "40,000 committed rows");
                }
                child.pause(true);
                try {
                    restart.run();
                }
                finally {
                    child.pause(false);
                }
                int exit = child.waitFor(RUN);
                assertThat(exit).as(child.output()).isEqualTo(ExitCodes.FAILED);
                assertThat(child.output()).contains("the database connection was lost during " + step)
                    .contains("run the same command once it is back")
                    .doesNotContain("\tat ");
            }
        }

        ChildJob again = ChildJob.start(args(url, scenario));
        int exit = again.waitFor(RUN);
        assertThat(exit).as(again.output()).isZero();
        assertThat(
                jdbc.queryForObject("select count(distinct job_instance_id) from batch_job_execution", Integer.class))
            .as("the same instance resumed")
            .isOne();
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
            .hasSize(steps.size() + 1)
            .last()
            .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select sum(rows_read) from source_range where round = ?", Long.class, ROUND))
            .as("every row read once, as in the uninterrupted run")
            .isEqualTo(jdbc(cleanUrl).queryForObject("select sum(rows_read) from source_range where round = ?",
                    Long.class, ROUND));
        assertSameOutputs(scenario);
    }

    @Test
    void killDuringIngestRestartsFromTheCheckpoint() throws Exception {
        killAndRestart("kill-ingest", "ingestRows", true);
    }

    /**
     * Killed during the outcome tables, then the run that resumes it killed during the
     * committee's reports (one night, two kills): each run recovers the execution the
     * last one left STARTED, and the third completes to the outputs of an uninterrupted
     * run on the same job instance.
     */
    @Test
    void killsDuringAggregationAndExportAreEachResumed() throws Exception {
        uninterrupted();
        String url = newDatabase("kill-after-ingest");
        JdbcTemplate jdbc = jdbc(url);
        for (String step : List.of("outcomeTables", "committeeReports")) {
            try (ChildJob child = ChildJob.start(args(url, "kill-after-ingest"))) {
                child.awaitLine("Executing step: [" + step + "]", RUN);
                assertThat(child.kill()).as("killed during " + step + ", not finished").isEqualTo(137);
            }
            assertThat(lastStatus(jdbc)).isEqualTo("STARTED");
        }
        ChildJob restarted = ChildJob.start(args(url, "kill-after-ingest"));
        assertThat(restarted.waitFor(RUN)).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("left STARTED by a process that is gone");
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
            .containsExactly("FAILED", "FAILED", "COMPLETED");
        assertThat(
                jdbc.queryForObject("select count(distinct job_instance_id) from batch_job_execution", Integer.class))
            .isOne();
        assertSameOutputs("kill-after-ingest");
    }

    /**
     * A second launch for the same round is refused with its own exit code; the running
     * one is unharmed.
     */
    @Test
    void secondLaunchOfTheSameRoundIsRefused() throws Exception {
        uninterrupted();
        String url = newDatabase("concurrent");
        JdbcTemplate jdbc = jdbc(url);
        List<String> slower = args(url, "concurrent");
        // small chunks: the first run must still be running when the second JVM has
        // started
        slower.add("--outcomes.chunk-size=100");
        try (ChildJob first = ChildJob.start(slower)) {
            // the child opens the database first (an H2 file is served by the process
            // that opened it)
            first.awaitLine("Executing step: [ingestRows]", RUN);
            first.await(() -> committedRows(jdbc) > 10_000, RUN, "10,000 committed rows");
            if (canPauseTheFirstRun()) {
                first.pause(true);
            }
            ChildJob second = ChildJob.start(args(url, "concurrent"));
            int refused = second.waitFor(RUN);
            first.pause(false);
            assertThat(refused).as(second.output()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            // who holds it, on H2 (the lock file beside the database) as on PostgreSQL
            assertThat(second.output()).contains("is already running (pid " + first.pid() + " on ");
            assertThat(first.isAlive()).isTrue();
            assertThat(first.waitFor(RUN)).as(first.output()).isZero();
        }
        assertThat(jdbc.queryForList("select status from batch_job_execution", String.class))
            .containsExactly("COMPLETED");
        assertSameOutputs("concurrent");
    }

    /**
     * SIGTERM stops at a chunk boundary with STOPPED and exit code 5; the same command
     * resumes it.
     */
    @Test
    void sigtermStopsAtAChunkBoundaryAndTheSameCommandResumes() throws Exception {
        uninterrupted();
        String url = newDatabase("sigterm");
        JdbcTemplate jdbc = jdbc(url);
        try (ChildJob child = ChildJob.start(args(url, "sigterm"))) {
            child.awaitLine("Executing step: [ingestRows]", RUN);
            child.await(() -> committedRows(jdbc) > 20_000, RUN, "20,000 committed rows");
            child.terminate();
            assertThat(child.waitFor(RUN)).as(child.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(child.output()).contains("stop requested");
        }
        assertThat(lastStatus(jdbc)).isEqualTo("STOPPED");
        assertThat(jdbc.queryForList(
                "select status from batch_step_execution where step_name like" + " 'ingestPartition:%'", String.class))
            .as("each partition stopped at its own chunk boundary")
            .containsExactly("STOPPED", "STOPPED");
        long committed = committedRows(jdbc);
        assertThat(committed % 500).as("stopped at a chunk boundary").isZero();

        ChildJob resumed = ChildJob.start(args(url, "sigterm"));
        assertThat(resumed.waitFor(RUN)).as(resumed.output()).isZero();
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id", String.class))
            .containsExactly("STOPPED", "COMPLETED");
        assertSameOutputs("sigterm");
    }

}
