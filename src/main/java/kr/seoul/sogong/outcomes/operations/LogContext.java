package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;

/**
 * Puts the job, round, execution and step into the logging context (MDC), so every line,
 * plain or structured JSON ({@code --logging.structured.format.console=ecs}), says which
 * run it belongs to; and logs each step's start, and its end with its duration and
 * counts.
 */
public class LogContext implements JobExecutionListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LogContext.class);

    /**
     * The last step a job started on this thread (jobs run on the thread that launches
     * them): what a run that could not even record its end was doing.
     */
    private static final ThreadLocal<String> LAST_STEP = new ThreadLocal<>();

    /** The last step started on this thread, forgotten once read; null when none. */
    static String takeLastStep() {
        String step = LAST_STEP.get();
        LAST_STEP.remove();
        return step;
    }

    @Override
    public void beforeJob(JobExecution e) {
        MDC.put("job", e.getJobInstance().getJobName());
        MDC.put("round", String.valueOf(RunParameters.round(e.getJobParameters())));
        MDC.put("execution", String.valueOf(e.getId()));
    }

    @Override
    public void afterJob(JobExecution e) {
        MDC.remove("job");
        MDC.remove("round");
        MDC.remove("execution");
        MDC.remove("step");
    }

    @Override
    public void beforeStep(StepExecution s) {
        if (isPartition(s)) {
            // a partition runs on a thread of its own
            beforeJob(s.getJobExecution());
        }
        else {
            LAST_STEP.set(s.getStepName());
        }
        MDC.put("step", s.getStepName());
        // Spring Batch 5 logged this line itself; 6 does not, and operators (and the
        // process tests) follow it
        log.info("Executing step: [{}]", s.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution s) {
        log.info("{} {} in {} (read {}, written {})", s.getStepName(),
                s.getStatus() == BatchStatus.STARTED ? "done" : s.getStatus(),
                RunHistory.format(RunHistory.elapsed(s.getStartTime(), null)), s.getReadCount(), s.getWriteCount());
        MDC.remove("step");
        if (isPartition(s)) {
            afterJob(s.getJobExecution());
        }
        return s.getExitStatus();
    }

    /** A partition of a partitioned step ({@code ingestPartition:partition0}). */
    static boolean isPartition(StepExecution s) {
        return s.getStepName().contains(":");
    }

}
