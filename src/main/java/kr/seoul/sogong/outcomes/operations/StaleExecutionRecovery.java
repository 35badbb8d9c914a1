package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * A killed JVM leaves its execution STARTED, and Spring Batch refuses to restart it. Once
 * this process holds the round's {@link RunLock}, no live process can be running that
 * round, so any execution of it still marked running is stale: Spring Batch 6's
 * {@link JobOperator#recover} marks it and its running steps FAILED, and the same command
 * restarts the job instance from its checkpoint. No operator SQL. What stays ours is the
 * decision that the holder is gone (the run lock), and the end time: the last sign of
 * life, not the moment we noticed.
 */
@Component
public class StaleExecutionRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutionRecovery.class);

    private final JobRepository repository;

    private final JobOperator operator;

    private final RunFacts facts;

    public StaleExecutionRecovery(JobRepository repository, JobOperator operator, RunFacts facts) {
        this.repository = repository;
        this.operator = operator;
        this.facts = facts;
    }

    /**
     * Marks FAILED the executions of {@code jobName} for this round left running; returns
     * their ids.
     */
    public List<Long> recover(String jobName, int round) {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution stale : repository.findRunningJobExecutions(jobName)) {
            Integer r = RunParameters.round(stale.getJobParameters());
            if (r == null || r != round) {
                continue;
            }
            // it ended where its last heartbeat or chunk did, not when we noticed
            LocalDateTime end = java.util.Optional.ofNullable(facts.lastSignOfLife(stale.getId()))
                .orElse(LocalDateTime.now());
            String reason = "marked FAILED at " + LocalDateTime.now().withNano(0)
                    + ": its process ended without finishing (killed or crashed); last sign of life " + end.withNano(0);
            JobExecution failed = operator.recover(stale);
            for (StepExecution step : failed.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.FAILED && step.getEndTime() != null
                        && !end.isAfter(step.getEndTime())) {
                    step.setExitStatus(step.getExitStatus().addExitDescription(reason));
                    step.setEndTime(end);
                    repository.update(step);
                }
            }
            failed.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
            failed.setEndTime(end);
            repository.update(failed);
            log.warn("execution {} of round {} (started {}) was left {} by a process that is gone: {}", stale.getId(),
                    round, stale.getStartTime(), BatchStatus.STARTED, "marked FAILED, restarting it");
            recovered.add(stale.getId());
        }
        return recovered;
    }

    /**
     * An execution that ended UNKNOWN — its step's commit met a database that went away
     * ("Rolling back with transaction in unknown state") — is as safe to resume as a
     * killed one: every checkpoint of ours commits with its rows, so what is committed is
     * exactly what the checkpoint counts. Spring Batch refuses to restart UNKNOWN
     * ("manual intervention is probably necessary"); here it and its UNKNOWN steps are
     * marked FAILED, the reason in their exit descriptions, and the same command resumes
     * the same instance. Returns the execution to restart (the same one, now FAILED).
     */
    public @Nullable JobExecution recoverUnknown(@Nullable JobExecution last, int round) {
        if (last == null || last.getStatus() != BatchStatus.UNKNOWN) {
            return last;
        }
        String reason = "marked FAILED at " + LocalDateTime.now().withNano(0)
                + ": it ended UNKNOWN (the database went away during a commit); its committed chunks are its"
                + " checkpoint, so it is resumed";
        for (StepExecution step : last.getStepExecutions()) {
            // a step whose own end the database never heard of is still marked running:
            // it
            // ended with the job (Spring Batch refuses a restart while one is)
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                if (step.getEndTime() == null) {
                    step.setEndTime(last.getEndTime() != null ? last.getEndTime() : LocalDateTime.now());
                }
                repository.update(step);
            }
        }
        last.setStatus(BatchStatus.FAILED);
        last.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        repository.update(last);
        log.info("execution {} of round {} ended UNKNOWN (the database went away): marked FAILED, resuming it from"
                + " its checkpoint", last.getId(), round);
        return last;
    }

}
