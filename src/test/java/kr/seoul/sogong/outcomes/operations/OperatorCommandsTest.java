package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.corrections.CorrectionMail;
import kr.seoul.sogong.outcomes.retention.Destruction;
import kr.seoul.sogong.outcomes.settings.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.OutcomesJobTestSupport;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.settings.RunParameters;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's commands as the launcher runs them, in this JVM: the same command every
 * night ({@code rerun=n}), {@code nightly} over several rounds, and {@code purge}. Given
 * files, run the command, then assert the job repository and the stored tables.
 */
class OperatorCommandsTest extends OutcomesJobTestSupport {

    private static final LocalDate NIGHT = LocalDate.of(2022, 11, 1);

    @Autowired
    JobRepository repository;

    @Autowired
    JobOperator operator;

    @Autowired
    Job outcomesJob;

    @Autowired
    RunLock runLock;

    @Autowired
    StaleExecutionRecovery recovery;

    @Autowired
    RunHistory history;

    @Autowired
    RunFacts facts;

    @Autowired
    RunPurge purge;

    @Autowired
    CorrectionMail correctionMail;

    @Autowired
    Destruction destruction;

    @Autowired
    RoundRunner runner;

    @Autowired
    kr.seoul.sogong.outcomes.store.FindingStore findingStore;

    @Autowired
    OutcomesProperties properties;

    private OutcomesLauncher launcher(List<Integer> nightlyRounds) {
        OutcomesProperties p = new OutcomesProperties(properties.inputDir(), properties.outputDir(),
                properties.maxRejectRate(), properties.minCell(), properties.chunkSize(), properties.maxFieldLength(),
                properties.staleAfter(), properties.progressInterval(), new OutcomesProperties.Nightly(nightlyRounds),
                properties.locale(), properties.ingestPartitions(), properties.ingestRange());
        NightlyRounds rounds = new NightlyRounds(p);
        return new OutcomesLauncher(runner, history, rounds, purge, new NightlyCheck(JdbcClient.create(jdbc), rounds),
                correctionMail, destruction);
    }

    private List<JobExecution> executions(int round) {
        return jdbc
            .queryForList("select e.job_execution_id from batch_job_execution e where exists (select 1 from"
                    + " batch_job_execution_params p where p.job_execution_id = e.job_execution_id and p.parameter_name"
                    + " = 'round' and p.parameter_value = ?) order by e.job_execution_id", Long.class,
                    String.valueOf(round))
            .stream()
            .map(repository::getJobExecution)
            .toList();
    }

    private static Long rerun(JobExecution e) {
        var p = e.getJobParameters().getParameter(RunParameters.RERUN);
        return p == null ? null : (Long) p.value();
    }

    /**
     * Guards the nightly command on unchanged files: a completed round/runDate was
     * refused as "already complete" by Spring Batch, so the second night failed. It must
     * run as a new instance, rerun=1, 2, …, while the same command after a failure
     * restarts the failed instance instead.
     */
    @Test
    void theSameCommandRerunsACompletedRoundAndRestartsAFailedOne() throws Exception {
        int round = 6500;
        copySample(2022, round);
        OutcomesLauncher launcher = launcher(List.of());
        RunRequest request = new RunRequest(round, NIGHT);

        assertThat(launcher.runRound(request)).isEqualTo(ExitCodes.COMPLETED);
        assertThat(launcher.runRound(request)).isEqualTo(ExitCodes.COMPLETED);
        write(round, "survey/broken.xlsx", "not a workbook");
        assertThat(launcher.runRound(request)).isEqualTo(ExitCodes.QUALITY_GATE);
        Files.delete(input(round).resolve("survey/broken.xlsx"));
        assertThat(launcher.runRound(request)).isEqualTo(ExitCodes.COMPLETED);

        List<JobExecution> runs = executions(round);
        assertThat(runs).extracting(JobExecution::getStatus)
            .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(runs).extracting(OperatorCommandsTest::rerun).containsExactly(null, 1L, 2L, 2L);
        assertThat(runs.get(3).getJobInstance().getId()).as("the failed instance restarted, not a new one")
            .isEqualTo(runs.get(2).getJobInstance().getId());
        assertThat(runs.get(1).getJobInstance().getId()).isNotEqualTo(runs.get(0).getJobInstance().getId());
        assertThat(runs).allSatisfy(
                e -> assertThat(e.getJobParameters().getParameter(RunParameters.RUN_DATE).value()).isEqualTo(NIGHT));
        assertThat(history.recent(round)).extracting(RunHistory.Line::startedBy)
            .containsOnly(RoundRunner.commandLineUser());
    }

    /**
     * Guards the run summary against naming the round's findings as this run's: a second
     * night on unchanged files reads nothing, and its ingest found nothing, while the
     * round's findings (rejects.csv) are still all there; the metrics are each run's own.
     */
    @Test
    void theRunSummaryCountsThisRunsFindings() throws Exception {
        int round = 6498;
        copySample(2022, round);
        OutcomesLauncher launcher = launcher(List.of());
        ch.qos.logback.classic.Logger summaries = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
            .getLogger(RunSummary.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        summaries.addAppender(logged);
        // the tests log warnings only
        ch.qos.logback.classic.Level level = summaries.getLevel();
        summaries.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            assertThat(launcher.runRound(new RunRequest(round, NIGHT))).isEqualTo(ExitCodes.COMPLETED);
            assertThat(launcher.runRound(new RunRequest(round, NIGHT))).isEqualTo(ExitCodes.COMPLETED);
        }
        finally {
            summaries.detachAppender(logged);
            summaries.setLevel(level);
        }
        List<String> texts = logged.list.stream()
            .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
            .filter(m -> m.startsWith("run summary, round " + round))
            .toList();
        assertThat(texts).hasSize(2);
        // step, status, read, written, REJECT, WARN, duration
        kr.seoul.sogong.outcomes.store.FindingStore.FindingCount singleRow = findingStore.counts(round).singleRow();
        assertThat(ingestLine(texts.get(0)).subList(2, 6)).containsExactly("451", "451",
                String.valueOf(singleRow.rejects()), String.valueOf(singleRow.warnings()));
        assertThat(ingestLine(texts.get(1)).subList(2, 6)).as("the second night read nothing, found nothing")
            .containsExactly("0", "0", "0", "0");
        kr.seoul.sogong.outcomes.store.FindingStore.FindingCount total = findingStore.counts(round).total();
        // each run's own metrics, not the JVM's so far (the second said 2 jobs)
        assertThat(texts).allSatisfy(t -> assertThat(t).contains("metric spring.batch.job: 1 x "));
        assertThat(texts).allSatisfy(t -> assertThat(t).contains(
                "the round's findings: " + total.rejects() + " REJECT, " + total.warnings() + " WARN (rejects.csv)"));
    }

    private static List<String> ingestLine(String summary) {
        return summary.lines()
            .filter(l -> l.strip().startsWith("ingestRows "))
            .findFirst()
            .map(l -> List.of(l.strip().split("\\s+")))
            .orElseThrow();
    }

    /**
     * Guards the history against runs that could not read anything: a round without an
     * input folder failed in its first step and left a FAILED execution (named by a
     * class, CentersFile$InvalidCentersFileException). It is refused before the job,
     * naming the folder, and the history holds no execution of it.
     */
    @Test
    void aRoundWithoutAnInputFolderIsRefusedAndLeavesNoExecution() throws Exception {
        int round = 6499;
        assertThat(Files.exists(input(round))).isFalse();
        assertThat(launcher(List.of()).runRound(new RunRequest(round, NIGHT))).isEqualTo(ExitCodes.USAGE);
        assertThat(executions(round)).isEmpty();
    }

    /**
     * Guards against the dead end of issue 26: a run whose commit met a database that
     * went away ends UNKNOWN, and Spring Batch refused every later run of the same
     * command ("Cannot restart job from UNKNOWN status"), leaving a new run date or purge
     * as the only ways out. The same command now marks it FAILED, says why, and resumes
     * the same instance from its checkpoint, to the same outputs as a run never
     * interrupted.
     */
    @Test
    void theSameCommandResumesARunThatEndedUnknown() throws Exception {
        int round = 6550;
        copySample(2022, round);
        RunRequest request = new RunRequest(round, NIGHT);
        write(round, "survey/broken.xlsx", "not a workbook");
        assertThat(runner.run(request, "cli:test")).isEqualTo(ExitCodes.QUALITY_GATE);
        // the state a lost connection leaves: the step and the job UNKNOWN
        JobExecution lost = executions(round).get(0);
        jdbc.update("update batch_step_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                + " where job_execution_id = ? and status = 'FAILED'", lost.getId());
        // and a step whose end the database never heard of (seen with a real restart)
        jdbc.update(
                "update batch_step_execution set status = 'STARTED', end_time = null"
                        + " where job_execution_id = ? and status = 'COMPLETED' and step_name = 'admitRound'",
                lost.getId());
        jdbc.update(
                "update batch_job_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN' where job_execution_id = ?",
                lost.getId());
        Files.delete(input(round).resolve("survey/broken.xlsx"));

        assertThat(runner.run(request, "cli:test")).isEqualTo(ExitCodes.COMPLETED);

        List<JobExecution> runs = executions(round);
        assertThat(runs).extracting(JobExecution::getStatus).containsExactly(BatchStatus.FAILED, BatchStatus.COMPLETED);
        assertThat(runs.get(1).getJobInstance().getId()).as("the same instance resumed")
            .isEqualTo(runs.get(0).getJobInstance().getId());
        assertThat(runs.get(0).getExitStatus().getExitDescription()).contains("it ended UNKNOWN");
        assertThat(runs.get(0).getStepExecutions()).noneMatch(step -> step.getStatus() == BatchStatus.UNKNOWN);

        int uninterrupted = round + 1;
        copySample(2022, uninterrupted);
        assertThat(runner.run(new RunRequest(uninterrupted, NIGHT), "cli:test")).isEqualTo(ExitCodes.COMPLETED);
        Map<String, byte[]> resumed = new java.util.TreeMap<>(csvOutputs(round));
        Map<String, byte[]> straight = new java.util.TreeMap<>(csvOutputs(uninterrupted));
        // each compares with the round stored before it, which differs between the two
        resumed.remove("yoy_by_center.csv");
        straight.remove("yoy_by_center.csv");
        assertThat(resumed.keySet()).isEqualTo(straight.keySet());
        resumed.forEach((name,
                bytes) -> assertThat(
                        new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace(String.valueOf(round), "R"))
                    .as(name)
                    .isEqualTo(new String(straight.get(name), java.nio.charset.StandardCharsets.UTF_8)
                        .replace(String.valueOf(uninterrupted), "R")));
    }

    /**
     * nightly runs its rounds oldest first, so the later round's year over year compares
     * with the earlier.
     */
    @Test
    void nightlyRunsItsRoundsOldestFirstAndTheLaterComparesWithTheEarlier() throws Exception {
        int earlier = 6510;
        int later = 6511;
        copySample(2021, earlier);
        copySample(2022, later);

        assertThat(launcher(List.of(later, earlier)).runNightly(NIGHT)).isEqualTo(ExitCodes.COMPLETED);

        JobExecution first = executions(earlier).get(0);
        JobExecution second = executions(later).get(0);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(first.getId()).isLessThan(second.getId());
        Long earlierSupported = jdbc.queryForObject("select supported_firms from participation_by_center"
                + " where job_execution_id = ? and center_code = 'ALL'", Long.class, first.getId());
        assertThat(jdbc.queryForObject(
                "select previous_value from yoy_by_center where job_execution_id = ?"
                        + " and center_code = 'ALL' and metric = 'supported_firms'",
                java.math.BigDecimal.class, second.getId()))
            .isEqualByComparingTo(java.math.BigDecimal.valueOf(earlierSupported));
        // the page says which centers both rounds share, and compares over those alone
        assertThat(Files.readString(output(later).resolve("committee-report.html"))).contains("전년 대비 (공통 센터 기준)")
            .contains("센터 2곳(봉익주얼리센터, 창신의류제조센터)만 모아 계산")
            .contains("전년에만 있던 센터: 문래기계금속센터, 성수수제화센터");
    }

    /**
     * A nightly with a round that fails goes on with the next and reports the first
     * failure.
     */
    @Test
    void nightlyGoesOnAfterAFailedRoundAndExitsWithItsCode() throws Exception {
        int broken = 6520;
        int fine = 6521;
        copySample(2022, broken);
        write(broken, "survey/broken.xlsx", "not a workbook");
        copySample(2022, fine);

        assertThat(launcher(List.of(broken, fine)).runNightly(NIGHT)).isEqualTo(ExitCodes.QUALITY_GATE);

        assertThat(executions(broken)).extracting(JobExecution::getStatus).containsExactly(BatchStatus.FAILED);
        assertThat(executions(fine)).extracting(JobExecution::getStatus).containsExactly(BatchStatus.COMPLETED);
    }

    /**
     * Guards what purge must never lose: the newest runs, the latest completed run
     * however old (its tables are the committee's figures and next year's comparison), a
     * run in progress, and a round being run right now. Everything else goes, with its
     * stored tables and its job instance once empty.
     */
    @Test
    void purgeKeepsTheNewestTheLatestCompletedAndTheRunningAndDeletesTheRest() throws Exception {
        int round = 6530;
        copySample(2022, round);
        OutcomesLauncher launcher = launcher(List.of());
        assertThat(launcher.runRound(new RunRequest(round, NIGHT))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(launcher.runRound(new RunRequest(round, NIGHT))).isEqualTo(ExitCodes.COMPLETED);
        write(round, "survey/broken.xlsx", "not a workbook");
        for (int night = 2; night <= 4; night++) {
            assertThat(launcher.runRound(new RunRequest(round, NIGHT.plusDays(night))))
                .isEqualTo(ExitCodes.QUALITY_GATE);
        }
        List<JobExecution> before = executions(round);
        assertThat(before).hasSize(5);
        long latestCompleted = before.get(1).getId();
        JobInstance firstInstance = before.get(0).getJobInstance();
        long otherRoundRows = jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)
                - before.size();

        List<RunPurge.RoundPurge> dry = purge.purge(round, 2, true);
        assertThat(dry).singleElement()
            .satisfies(p -> assertThat(p.deleted()).containsExactly(before.get(2).getId(), before.get(0).getId()));
        assertThat(executions(round)).hasSize(5);

        List<RunPurge.RoundPurge> done = purge.purge(round, 2, false);

        assertThat(done).singleElement().satisfies(p -> {
            assertThat(p.kept()).containsExactly(before.get(4).getId(), before.get(3).getId(), latestCompleted);
            assertThat(p.deleted()).containsExactly(before.get(2).getId(), before.get(0).getId());
        });
        assertThat(executions(round)).extracting(JobExecution::getId)
            .containsExactly(latestCompleted, before.get(3).getId(), before.get(4).getId());
        for (String table : List.of("outcome_run", "participation_by_center", "yoy_by_center", "run_facts")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where job_execution_id in (?, ?)",
                    Long.class, before.get(0).getId(), before.get(2).getId()))
                .as(table)
                .isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from outcome_run where job_execution_id = ?", Long.class,
                latestCompleted))
            .isOne();
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where job_execution_id in (?, ?)",
                Long.class, before.get(0).getId(), before.get(2).getId()))
            .isZero();
        assertThat(repository.getJobInstance(firstInstance.getId())).as("an instance left empty is deleted").isNull();
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class))
            .as("other rounds untouched")
            .isEqualTo(otherRoundRows + 3);
        assertThat(history.recent(round)).extracting(RunHistory.Line::executionId)
            .containsExactly(before.get(4).getId(), before.get(3).getId(), latestCompleted);

        // the restart of the newest failed run still works after the purge
        Files.delete(input(round).resolve("survey/broken.xlsx"));
        assertThat(launcher.runRound(new RunRequest(round, NIGHT.plusDays(4)))).isEqualTo(ExitCodes.COMPLETED);
        assertThat(executions(round).get(3).getJobInstance().getId()).isEqualTo(before.get(4).getJobInstance().getId());
    }

    /**
     * A round that is running (its run lock held by a live process) is not purged at all.
     */
    @Test
    void purgeLeavesARunningRoundAlone() throws Exception {
        int round = 6540;
        copySample(2022, round);
        OutcomesLauncher launcher = launcher(List.of());
        for (int night = 0; night < 3; night++) {
            assertThat(launcher.runRound(new RunRequest(round, NIGHT.plusDays(night)))).isEqualTo(ExitCodes.COMPLETED);
        }
        assertThat(runLock.acquire(round)).isEmpty();
        try {
            assertThat(purge.purge(round, 1, false)).singleElement()
                .satisfies(p -> assertThat(p.skippedRunning()).isTrue());
            assertThat(executions(round)).hasSize(3);
        }
        finally {
            runLock.release(round);
        }
        assertThat(purge.purge(round, 1, false)).singleElement().satisfies(p -> assertThat(p.deleted()).hasSize(2));
        assertThat(executions(round)).hasSize(1);
    }

}
