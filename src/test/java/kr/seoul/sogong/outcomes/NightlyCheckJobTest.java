package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import kr.seoul.sogong.outcomes.corrections.CorrectionMail;
import kr.seoul.sogong.outcomes.retention.Destruction;
import kr.seoul.sogong.outcomes.operations.NightlyCheck;
import kr.seoul.sogong.outcomes.operations.NightlyRounds;
import kr.seoul.sogong.outcomes.operations.OutcomesLauncher;
import kr.seoul.sogong.outcomes.operations.RoundRunner;
import kr.seoul.sogong.outcomes.operations.RunHistory;
import kr.seoul.sogong.outcomes.operations.RunPurge;
import kr.seoul.sogong.outcomes.operations.RunRequest;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code status --check}: given rounds that completed lately, long ago, failed after
 * completing, or never ran, the command's lines and exit code.
 */
@ExtendWith(OutputCaptureExtension.class)
class NightlyCheckJobTest extends OutcomesJobTestSupport {

    static final int FRESH = 8201;

    static final int OLD = 8202;

    static final int FAILED = 8203;

    static final int NEVER = 8204;

    @Autowired
    RoundRunner runner;

    @Autowired
    RunHistory history;

    @Autowired
    RunPurge purge;

    @Autowired
    CorrectionMail correctionMail;

    @Autowired
    Destruction destruction;

    @Autowired
    OutcomesProperties properties;

    private void round(int round, int bad) throws IOException {
        oneCenterRound(round, bad, 950);
    }

    private int run(int round, LocalDate runDate) throws Exception {
        return runner.run(new RunRequest(round, runDate), "test");
    }

    private OutcomesLauncher launcher(NightlyCheck check, NightlyRounds rounds) {
        return new OutcomesLauncher(runner, history, rounds, purge, check, correctionMail, destruction);
    }

    @Test
    void eachNightlyRoundIsOkLateOrFailed(CapturedOutput output) throws Exception {
        round(FRESH, 0);
        assertThat(run(FRESH, LocalDate.of(2040, 1, 1))).isEqualTo(ExitCodes.COMPLETED);
        round(OLD, 0);
        assertThat(run(OLD, LocalDate.of(2040, 1, 1))).isEqualTo(ExitCodes.COMPLETED);
        // its run ended 30 hours ago
        jdbc.update("update batch_job_execution set end_time = ? where job_execution_id = ?",
                Timestamp.valueOf(LocalDateTime.now().minusHours(30)), stored(OLD).lastExecutionId());
        round(FAILED, 0);
        assertThat(run(FAILED, LocalDate.of(2040, 1, 1))).isEqualTo(ExitCodes.COMPLETED);
        round(FAILED, 4);
        assertThat(run(FAILED, LocalDate.of(2040, 1, 2))).isEqualTo(ExitCodes.QUALITY_GATE);
        round(NEVER, 0);

        NightlyRounds rounds = new NightlyRounds(nightly(List.of(FRESH, OLD, FAILED, NEVER)));
        NightlyCheck check = new NightlyCheck(JdbcClient.create(jdbc), rounds);
        List<NightlyCheck.RoundCheck> checks = check.check(NightlyCheck.DEFAULT_MAX_AGE, LocalDateTime.now());

        assertThat(checks).extracting(NightlyCheck.RoundCheck::state)
            .containsExactly(NightlyCheck.State.OK, NightlyCheck.State.LATE, NightlyCheck.State.FAILED,
                    NightlyCheck.State.LATE);
        assertThat(checks.get(0).line()).matches("round 8201: ok: completed \\d+m ago \\(execution \\d+\\)");
        assertThat(checks.get(1).line()).matches(
                "round 8202: LATE: the last completed run \\(execution \\d+\\) ended 30h00m ago, more than 26h00m");
        assertThat(checks.get(2).line()).matches(
                "round 8203: FAILED: execution \\d+ ended FAILED after the last completed one \\(execution \\d+, \\d+m ago\\):"
                        + " quality gate: survey/answers.csv rejects .*");
        assertThat(checks.get(3).line())
            .isEqualTo("round 8204: LATE: no run has completed (is the nightly job scheduled?)");

        OutcomesLauncher late = launcher(check, rounds);
        late.run(new DefaultApplicationArguments("status", "--check", "max-age=26h"));
        assertThat(late.getExitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(output.getOut()).contains(checks.get(1).line()).contains(checks.get(3).line());

        // the fresh round alone, within a day: 0
        NightlyRounds fresh = new NightlyRounds(nightly(List.of(FRESH)));
        OutcomesLauncher ok = launcher(new NightlyCheck(JdbcClient.create(jdbc), fresh), fresh);
        ok.run(new DefaultApplicationArguments("status", "--check"));
        assertThat(ok.getExitCode()).isEqualTo(ExitCodes.COMPLETED);
        // a minute is too short even for it
        ok.run(new DefaultApplicationArguments("status", "--check", "max-age=0m"));
        assertThat(ok.getExitCode()).isEqualTo(ExitCodes.FAILED);
        ok.run(new DefaultApplicationArguments("status", "--check", "max-age=soon"));
        assertThat(ok.getExitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private OutcomesProperties nightly(List<Integer> rounds) {
        OutcomesProperties p = properties;
        return new OutcomesProperties(p.inputDir(), p.outputDir(), p.maxRejectRate(), p.minCell(), p.chunkSize(),
                p.maxFieldLength(), p.staleAfter(), p.progressInterval(), new OutcomesProperties.Nightly(rounds),
                p.locale(), p.ingestPartitions(), p.ingestRange());
    }

}
