package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kr.seoul.sogong.outcomes.SampleRounds;
import org.junit.jupiter.api.Test;

/**
 * A stop signal during start-up (systemd stop, Ctrl-C, a CronJob's deadline while the JVM
 * and Spring start, 10–35 s on a busy machine) ended the process with 143 and not a word
 * (issue 21). The application prints its first line before Spring starts and takes over
 * SIGTERM at once: a stop then ends with 5 — the README's code for a stop, which the
 * systemd unit counts as success — and one line saying nothing is to be resumed.
 */
class StopBeforeStartIT {

    @Test
    void aSigtermBeforeTheRoundStartsEndsWithFiveAndOneLine() throws Exception {
        Path work = Files.createTempDirectory("stop-before-start");
        SampleRounds.copy(Path.of("input", "2022"), work.resolve("input/2022"));
        List<String> args = List.of("round=2022", "runDate=2022-11-01", "--outcomes.input-dir=" + work.resolve("input"),
                "--outcomes.output-dir=" + work.resolve("output"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/outcomes"));
        try (ChildJob job = ChildJob.start(args)) {
            job.await(() -> job.output().contains("sogong-outcomes run round=2022 runDate=2022-11-01: starting (pid"),
                    Duration.ofSeconds(60), "the first line");
            // the first line names the log file, before Spring has started
            assertThat(job.output()).contains("; log ");
            job.terminate();

            int exit = job.waitFor(Duration.ofSeconds(60));

            assertThat(exit).as(job.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(job.output()).contains("SIGTERM received: stopped before the round started; nothing to resume")
                .doesNotContain("\tat ");
        }
        // nothing was started: no output folder for the round
        assertThat(work.resolve("output/2022/manifest.json")).doesNotExist();
    }

}
