package kr.seoul.sogong.outcomes.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Puts the job, round, execution and step into the logging context (MDC), so every line, plain or
 * structured JSON ({@code --logging.structured.format.console=ecs}), says which run it belongs to;
 * and logs each step's end with its duration and counts.
 */
public class LogContext implements JobExecutionListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LogContext.class);

    @Override
    public void beforeJob(JobExecution e) {
        MDC.put("job", e.getJobInstance().getJobName());
        MDC.put("round", String.valueOf(e.getJobParameters().getLong("round")));
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
        MDC.put("step", s.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution s) {
        log.info("{} {} in {} (read {}, written {})", s.getStepName(), s.getStatus() == BatchStatus.STARTED
                ? "done" : s.getStatus(), RunHistory.format(RunHistory.elapsed(s.getStartTime(), null)),
                s.getReadCount(), s.getWriteCount());
        MDC.remove("step");
        return s.getExitStatus();
    }
}
