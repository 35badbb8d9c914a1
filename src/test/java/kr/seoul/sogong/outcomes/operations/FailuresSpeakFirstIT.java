package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.SampleRounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures outside the data, as an operator meets them on the packaged application: the
 * last ERROR line names the cause and the next step, the exit code is the README's, and
 * no stack trace reaches the console.
 */
class FailuresSpeakFirstIT {

    static final Duration RUN = Duration.ofMinutes(2);

    @TempDir
    static Path work;

    @BeforeAll
    static void sampleRound() throws IOException {
        SampleRounds.copy(Path.of("input", "2022"), work.resolve("input").resolve("2022"));
    }

    private static List<String> args(String scenario, String url) {
        return new ArrayList<>(List.of("round=2022", "runDate=2022-11-01",
                "--outcomes.input-dir=" + work.resolve("input"),
                "--outcomes.output-dir=" + work.resolve("output-" + scenario), "--spring.datasource.url=" + url));
    }

    private static String h2(String scenario) {
        return "jdbc:h2:file:" + work.resolve("db-" + scenario).toAbsolutePath() + "/outcomes";
    }

    /**
     * What an operator reads last: one ERROR line, and no stack frame anywhere on the
     * console.
     */
    private static String lastError(ChildJob job) {
        String output = job.output();
        assertThat(output).doesNotContain("\tat ").doesNotContain("Caused by:").doesNotContain("Exception:");
        List<String> errors = output.lines().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).as(output).isNotEmpty();
        return errors.get(errors.size() - 1);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExitOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (ChildJob job = ChildJob.start(args("no-db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/outcomes"))) {
            assertThat(job.waitFor(RUN)).isEqualTo(ExitCodes.FAILED);
            assertThat(lastError(job)).contains(
                    "the database jdbc:postgresql://127.0.0.1:" + closedPort + "/outcomes cannot be reached",
                    "OUTCOMES_DB_URL", "run the same command");
        }
    }

    /**
     * Before: the gate logged about 60 stack frames; now one line on the console, the
     * trace in the log file.
     */
    @Test
    void theQualityGateAndABadArgumentAreOneLineEach() throws Exception {
        Path input = work.resolve("input-gate");
        SampleRounds.copy(work.resolve("input"), input);
        Files.writeString(input.resolve("2022/survey/broken.xlsx"), "not a workbook");
        Path log = work.resolve("gate.log");
        List<String> gateArgs = new ArrayList<>(args("gate", h2("gate")));
        gateArgs.set(2, "--outcomes.input-dir=" + input);
        gateArgs.add("--logging.file.name=" + log);
        try (ChildJob job = ChildJob.start(gateArgs)) {
            assertThat(job.waitFor(RUN)).isEqualTo(ExitCodes.QUALITY_GATE);
            assertThat(job.output().lines().filter(l -> l.contains(" ERROR "))).singleElement()
                .asString()
                .contains("quality gate: survey/broken.xlsx is UNREADABLE", "run the same command");
        }
        assertThat(Files.readString(log)).contains("QualityGateException", "\tat ");
        try (ChildJob job = ChildJob.start(List.of("round=20x2", "--spring.datasource.url=" + h2("usage")))) {
            assertThat(job.waitFor(RUN)).isEqualTo(ExitCodes.USAGE);
            assertThat(lastError(job)).contains("round must be a four-digit programme year, not '20x2'");
        }
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLineAndExitOne() throws Exception {
        Files.createDirectories(work.resolve("output-blocked"));
        Files.writeString(work.resolve("output-blocked").resolve("2022"), "a file where the folder should be");
        try (ChildJob job = ChildJob.start(args("blocked", h2("blocked")))) {
            assertThat(job.waitFor(RUN)).isEqualTo(ExitCodes.FAILED);
            assertThat(lastError(job)).contains("cannot write the outputs to", "output-blocked/2022",
                    "run the same command");
            assertThat(job.output()).contains("no rejects.csv written");
        }
    }

    /**
     * A file the job's user may not read is UNREADABLE (quality gate, exit 3), never
     * skipped. Run as an unprivileged user when the tests run as root, since root reads
     * any file.
     */
    @Test
    void aFileTheJobMayNotReadIsUnreadableAndNamed() throws Exception {
        Path round = work.resolve("input-perm");
        SampleRounds.copy(work.resolve("input"), round);
        Path locked = round.resolve("2022/survey/설문_2022_1차.csv");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path out = work.resolve("output-perm");
        Path db = work.resolve("db-perm");
        Files.createDirectories(out);
        Files.createDirectories(db);
        List<String> args = new ArrayList<>(List.of("round=2022", "runDate=2022-11-01", "--outcomes.input-dir=" + round,
                "--outcomes.output-dir=" + out,
                "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath() + "/outcomes"));
        List<String> prefix = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            for (Path p : List.of(work, out, db)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            prefix = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");
        }
        try (ChildJob job = ChildJob.startAs(prefix, args)) {
            assertThat(job.waitFor(RUN)).as(job.output()).isEqualTo(ExitCodes.QUALITY_GATE);
            assertThat(lastError(job)).contains("survey/설문_2022_1차.csv is UNREADABLE");
        }
        String rejects = Files.readString(out.resolve("2022/rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects).contains("survey/설문_2022_1차.csv,,,,,UNREADABLE,REJECT,\"the job may not read this file"
                + " (permission denied for user");
    }

    /**
     * Two launches of one round at the same moment on an H2 URL without AUTO_SERVER (the
     * Settings table invites overriding it): one runs, the other is refused with exit 4
     * and one line — not a file-lock stack trace with exit 1, and not a second full run
     * after the first.
     */
    @Test
    void twoLaunchesAtOnceOnAnyH2UrlOneIsRefused() throws Exception {
        String url = h2("race");
        try (ChildJob a = ChildJob.start(args("race", url)); ChildJob b = ChildJob.start(args("race", url))) {
            int exitA = a.waitFor(RUN);
            int exitB = b.waitFor(RUN);
            assertThat(List.of(exitA, exitB)).as(a.output() + "\n----\n" + b.output())
                .containsExactlyInAnyOrder(ExitCodes.COMPLETED, ExitCodes.ALREADY_RUNNING);
            ChildJob refused = exitA == ExitCodes.ALREADY_RUNNING ? a : b;
            assertThat(lastError(refused)).contains("round 2022 is already running");
        }
    }

}
