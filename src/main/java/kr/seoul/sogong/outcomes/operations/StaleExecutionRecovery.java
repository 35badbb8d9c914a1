package kr.seoul.sogong.outcomes.operations;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * A killed JVM leaves its execution STARTED, and Spring Batch refuses to restart it. Once this
 * process holds the round's {@link RunLock}, no live process can be running that round, so any
 * execution of it still marked running is stale: it and its running steps are marked FAILED, and
 * the same command restarts the job instance from its checkpoint. No operator SQL.
 */
@Component
public class StaleExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutionRecovery.class);

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final RunFacts facts;

    public StaleExecutionRecovery(JobExplorer explorer, JobRepository repository, RunFacts facts) {
        this.explorer = explorer;
        this.repository = repository;
        this.facts = facts;
    }

    /** Marks FAILED the executions of {@code jobName} for this round left running; returns how many. */
    public int recover(String jobName, int round) {
        int recovered = 0;
        for (JobExecution stale : explorer.findRunningJobExecutions(jobName)) {
            Long r = stale.getJobParameters().getLong("round");
            if (r == null || r != round) {
                continue;
            }
            // it ended where its last heartbeat or chunk did, not when we noticed
            LocalDateTime end = java.util.Optional.ofNullable(facts.lastSignOfLife(stale.getId()))
                    .orElse(LocalDateTime.now());
            String reason = "marked FAILED at " + LocalDateTime.now().withNano(0)
                    + ": its process ended without finishing (killed or crashed); last sign of life " + end.withNano(0);
            for (StepExecution step : stale.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                    step.setEndTime(end);
                    repository.update(step);
                }
            }
            stale.setStatus(BatchStatus.FAILED);
            stale.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
            stale.setEndTime(end);
            repository.update(stale);
            log.warn("execution {} of round {} (started {}) was left {} by a process that is gone: {}",
                    stale.getId(), round, stale.getStartTime(), BatchStatus.STARTED, "marked FAILED, restarting it");
            recovered++;
        }
        return recovered;
    }
}
