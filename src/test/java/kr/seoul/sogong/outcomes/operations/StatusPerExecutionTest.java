package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import kr.seoul.sogong.outcomes.OutcomesJobTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code status} tells each execution's own truth: its findings, and where a killed run's
 * time ended.
 */
class StatusPerExecutionTest extends OutcomesJobTestSupport {

    @Autowired
    RunHistory history;

    @Autowired
    JobRepository repository;

    @Autowired
    StaleExecutionRecovery recovery;

    /**
     * Before: every listed execution showed the round's findings of today, the failed one
     * those of the fix.
     */
    @Test
    void eachExecutionShowsTheFindingsItEndedWith() throws Exception {
        int round = 6400;
        copySample(2022, round);
        write(round, "survey/broken.xlsx", "not a workbook");
        JobExecution failed = launch(round, LocalDate.of(2022, 11, 1));
        assertThat(history.recent(round).get(0).next()).startsWith("quality gate");
        java.nio.file.Files.delete(input(round).resolve("survey/broken.xlsx"));
        JobExecution fixed = launch(round, LocalDate.of(2022, 11, 1));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(fixed.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<RunHistory.Line> lines = history.recent(round);

        assertThat(lines).extracting(RunHistory.Line::executionId).containsExactly(fixed.getId(), failed.getId());
        long rejectsNow = jdbc.queryForObject("select count(*) from finding where round = ? and severity = 'REJECT'",
                Long.class, round);
        assertThat(lines.get(0).rejects()).isEqualTo(rejectsNow);
        assertThat(lines.get(1).rejects()).as("the failed run's own count, with the unreadable file")
            .isEqualTo(rejectsNow + 1);
        // resumed: no longer "run again"
        assertThat(lines.get(1).next()).isEqualTo("resumed by execution " + fixed.getId());
        // the fix read nothing again: files unchanged
        assertThat(lines.get(0).rowsRead()).isZero();
        assertThat(lines.get(1).rowsRead()).isEqualTo(451);
    }

    /** Before: a killed run's duration kept growing until the next run recovered it. */
    @Test
    void aKilledRunsDurationEndsAtItsLastHeartbeat() throws Exception {
        int round = 6401;
        var parameters = new JobParametersBuilder().addLong("round", (long) round)
            .addLocalDate("runDate", LocalDate.of(2022, 11, 1))
            .toJobParameters();
        JobExecution dead = repository.createJobExecution(
                repository.createJobInstance(RunParameters.JOB_NAME, parameters), parameters,
                new org.springframework.batch.infrastructure.item.ExecutionContext());
        LocalDateTime start = LocalDateTime.now().minusHours(1).withNano(0);
        dead.setStartTime(start);
        dead.setStatus(BatchStatus.STARTED);
        repository.update(dead);
        jdbc.update("update batch_job_execution set last_updated = ? where job_execution_id = ?",
                Timestamp.valueOf(start), dead.getId());
        jdbc.update("insert into run_facts (job_execution_id, round, heartbeat_at) values (?, ?, ?)", dead.getId(),
                round, Timestamp.valueOf(start.plusMinutes(5)));
        // its process is gone: a pid that cannot be alive, on this host
        jdbc.update("insert into run_lock (round, host, pid, acquired_at, heartbeat_at) values (?, ?, ?, ?, ?)", round,
                RunLock.hostName(), Long.MAX_VALUE - 1, Timestamp.valueOf(start),
                Timestamp.valueOf(start.plusMinutes(5)));

        RunHistory.Line line = history.recent(round).get(0);
        assertThat(line.next()).startsWith("left running by a process that is gone");
        assertThat(line.duration()).isEqualTo(Duration.ofMinutes(5));

        recovery.recover(RunParameters.JOB_NAME, round);
        assertThat(jdbc
            .queryForObject("select end_time from batch_job_execution where job_execution_id = ?", Timestamp.class,
                    dead.getId())
            .toLocalDateTime()).isEqualTo(start.plusMinutes(5));
        assertThat(history.recent(round).get(0).duration()).isEqualTo(Duration.ofMinutes(5));
    }

}
