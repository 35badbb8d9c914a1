package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.SampleRounds;
import kr.seoul.sogong.outcomes.generator.RoundGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts as cron and systemd run them: a bare environment (no locale, cron's PATH)
 * and a stop signal sent to the whole process group, as systemd and Ctrl-C send it.
 */
class SchedulerEnvironmentIT {

    static final Duration RUN = Duration.ofMinutes(3);

    @TempDir
    static Path work;

    @BeforeAll
    static void rounds() throws IOException {
        SampleRounds.copy(Path.of("input", "2022"), work.resolve("input").resolve("2022"));
        // about 180,000 rows: several seconds of ingest, time to be stopped in the middle
        RoundGenerator.synthetic(work.resolve("input"), 2031, 10, 6000, 211, 5);
    }

    /**
     * What cron gives a job: no locale, PATH=/usr/bin:/bin, nothing else (JAVA_HOME only
     * if java is elsewhere).
     */
    private static ProcessBuilder bare(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        if (!Files.isExecutable(Path.of("/usr/bin/java"))) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        env.put("OUTCOMES_LOG_FILE", log.toString());
        return builder;
    }

    private static List<String> args(int round, String scenario) {
        return List.of("round=" + round, "runDate=" + round + "-11-01", "--outcomes.input-dir=" + work.resolve("input"),
                "--outcomes.output-dir=" + work.resolve("output-" + scenario), "--spring.datasource.url=jdbc:h2:file:"
                        + work.resolve("db-" + scenario).toAbsolutePath() + "/outcomes");
    }

    private static ChildJob start(ProcessBuilder builder) throws IOException {
        return ChildJob.of(builder.start());
    }

    @Test
    void withoutAUtf8LocaleTheJarRefusesInOneLine() throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        ChildJob.JAR.toAbsolutePath().toString()));
        command.addAll(args(2022, "posix"));
        ProcessBuilder builder = bare(command, work.resolve("posix.log"));
        builder.environment().put("LANG", "C");
        try (ChildJob job = start(builder)) {
            assertThat(job.waitFor(RUN)).isEqualTo(ExitCodes.USAGE);
            assertThat(job.output().lines().toList()).singleElement()
                .asString()
                .startsWith("ERROR the locale is not UTF-8")
                .contains("set LANG=C.UTF-8");
        }
    }

    /**
     * Before: every Korean file name became ??????, every workbook UNREADABLE, both
     * rounds failed.
     */
    @Test
    void jobsRunInACronEnvironmentReadsKoreanFileNames() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("jobs", "run").toAbsolutePath().toString()));
        command.addAll(args(2022, "cron"));
        Path log = work.resolve("cron.log");
        try (ChildJob job = start(bare(command, log))) {
            assertThat(job.waitFor(RUN)).as(job.output()).isZero();
        }
        String quality = Files.readString(work.resolve("output-cron/2022/data_quality.csv"), StandardCharsets.UTF_8);
        assertThat(quality).contains("2022,survey/설문_2022_1차.csv,72,72,0,0", "results/JANGWI_2022_결과.xlsx,62,");
        assertThat(Files.readString(log)).contains("execution 1 ended COMPLETED (exit code 0)");
    }

    /**
     * Ctrl-C or systemd's stop signal goes to the whole process group. Before, jobs/run
     * piped java into tee: the signal killed tee and the shell, the operator saw nothing
     * after ^C and systemd got 143. Now the script is java (exec): exit 5, the resume
     * line in the log, the same command resumes.
     */
    @Test
    void aStopSignalToTheProcessGroupOfJobsRunStopsWithExitFive() throws Exception {
        List<String> command = new ArrayList<>(List.of("setsid", Path.of("jobs", "run").toAbsolutePath().toString()));
        command.addAll(args(2031, "sigterm"));
        Path log = work.resolve("sigterm.log");
        try (ChildJob job = start(bare(command, log))) {
            job.awaitLine("Executing step: [ingestRows]", RUN);
            // some chunks committed
            Thread.sleep(1500);
            // setsid made the script (then java, by exec) the leader of its own group
            long group = job.pid();
            new ProcessBuilder("kill", "-TERM", "--", "-" + group).inheritIO().start().waitFor();
            assertThat(job.waitFor(RUN)).as(job.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(job.output()).contains("stop requested", "to resume: the same command, round=2031");
        }
        assertThat(Files.readString(log)).contains("ended STOPPED (exit code 5)", "to resume: the same command");
        // no setsid: the same command, run again
        command.remove(0);
        try (ChildJob resumed = start(bare(command, log))) {
            assertThat(resumed.waitFor(RUN)).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("restarting round 2031", "after execution 1 ended STOPPED");
        }
    }

}
