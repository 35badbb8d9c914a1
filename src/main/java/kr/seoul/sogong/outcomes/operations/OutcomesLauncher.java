package kr.seoul.sogong.outcomes.operations;

import java.time.LocalDate;
import java.util.List;
import kr.seoul.sogong.outcomes.quality.QualityGateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Starts or restarts the job from the operator's command line.
 *
 * <p>A run is identified by its business parameters, {@code round} and {@code runDate}: the same
 * command after a failure restarts that job instance from its checkpoint. The same command after a
 * completed run runs the round again as a new instance ({@code rerun=n}), so a nightly rerun on
 * unchanged files simply reproduces the outputs instead of being refused.
 */
@Component
@ConditionalOnProperty(name = "outcomes.launcher.enabled", havingValue = "true", matchIfMissing = true)
public class OutcomesLauncher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(OutcomesLauncher.class);

    private final JobLauncher jobLauncher;
    private final JobRepository jobRepository;
    private final Job job;
    private int exitCode = ExitCodes.FAILED;

    public OutcomesLauncher(JobLauncher jobLauncher, JobRepository jobRepository, Job outcomesJob) {
        this.jobLauncher = jobLauncher;
        this.jobRepository = jobRepository;
        this.job = outcomesJob;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        RunRequest request;
        try {
            request = RunRequest.parse(args.getNonOptionArgs(), LocalDate.now());
        } catch (RunRequest.UsageException e) {
            log.error(e.getMessage());
            exitCode = ExitCodes.USAGE;
            return;
        }
        JobParameters parameters = parametersFor(request);
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.isRunning()) {
            log.error("round {} (runDate {}) is already running as execution {} since {}; not starting another",
                    request.round(), request.runDate(), last.getId(), last.getStartTime());
            exitCode = ExitCodes.ALREADY_RUNNING;
            return;
        }
        if (last != null) {
            log.info("restarting round {} (runDate {}) after execution {} ended {}", request.round(),
                    request.runDate(), last.getId(), last.getStatus());
        }
        JobExecution execution = jobLauncher.run(job, parameters);
        exitCode = exitCodeOf(execution);
        log.info("round {}: execution {} ended {} (exit code {})", request.round(), execution.getId(),
                execution.getStatus(), exitCode);
    }

    /** round and runDate; plus rerun=n when the instance with lower n already completed. */
    JobParameters parametersFor(RunRequest request) {
        for (long rerun = 0; ; rerun++) {
            JobParametersBuilder builder = new JobParametersBuilder()
                    .addLong("round", (long) request.round())
                    .addLocalDate("runDate", request.runDate());
            if (rerun > 0) {
                builder.addLong("rerun", rerun);
            }
            JobParameters parameters = builder.toJobParameters();
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                return parameters;
            }
        }
    }

    static int exitCodeOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.COMPLETED;
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return ExitCodes.STOPPED;
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            log.error("{}", failure.getMessage());
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof QualityGateException) {
                    return ExitCodes.QUALITY_GATE;
                }
            }
        }
        return ExitCodes.FAILED;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
