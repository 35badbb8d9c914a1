package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.seoul.sogong.outcomes.quality.QualityGateException;
import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.settings.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs one round as the command line and the console both do: the round's {@link RunLock}
 * first (a second run of the same round is refused, naming who holds it), executions a
 * killed process left running recovered, then the failed or stopped instance of this
 * round and run date restarted from its checkpoint, or a new instance started
 * ({@code rerun=n} after a completed one). Who started it is recorded with the execution.
 */
@Component
public class RoundRunner {

    private static final Logger log = LoggerFactory.getLogger(RoundRunner.class);

    private final JobRepository jobRepository;

    private final JobOperator jobOperator;

    private final Job job;

    private final RunLock runLock;

    private final StaleExecutionRecovery recovery;

    private final RunFacts facts;

    private final ApplicationEventPublisher events;

    private final IntakeStore intake;

    private final OutcomesProperties properties;

    public RoundRunner(JobRepository jobRepository, JobOperator jobOperator, Job outcomesJob, RunLock runLock,
            StaleExecutionRecovery recovery, RunFacts facts, ApplicationEventPublisher events, IntakeStore intake,
            OutcomesProperties properties) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.job = outcomesJob;
        this.runLock = runLock;
        this.recovery = recovery;
        this.facts = facts;
        this.events = events;
        this.intake = intake;
        this.properties = properties;
    }

    /** Who starts a run from this machine's command line. */
    public static String commandLineUser() {
        return "cli:" + System.getProperty("user.name", "?");
    }

    /** Takes the round's run lock, or returns the live holder that keeps it. */
    public Optional<RunLock.Holder> lock(int round) {
        return runLock.acquire(round);
    }

    /**
     * Takes the lock and runs; returns the exit code ({@link ExitCodes#ALREADY_RUNNING}
     * when held).
     */
    public int run(RunRequest request, String startedBy) throws Exception {
        if (GracefulStop.requested()) {
            return ExitCodes.STOPPED;
        }
        int round = request.round();
        Optional<RunLock.Holder> holder = lock(round);
        if (holder.isPresent()) {
            RunLock.Holder h = holder.get();
            String line = String.format("round %d is already running (pid %d on %s, since %s); not starting another."
                    + " It will be resumable here once it ends.", round, h.pid(), h.host(), h.acquiredAt());
            log.error(line);
            tell(new RoundRunEnded(round, null, ExitCodes.ALREADY_RUNNING, line, List.of()));
            return ExitCodes.ALREADY_RUNNING;
        }
        return runLocked(request, startedBy);
    }

    /**
     * Tells whoever listens how the run ended; what they do with it (an alert that cannot
     * be sent) never changes the run's exit code.
     */
    private void tell(RoundRunEnded ended) {
        try {
            events.publishEvent(ended);
        }
        catch (RuntimeException e) {
            log.warn("round {}: telling how the run ended failed: {}", ended.round(), e.getMessage());
        }
    }

    /**
     * Runs with the round's lock already taken by {@link #lock}; releases it when done.
     */
    public int runLocked(RunRequest request, String startedBy) throws Exception {
        int round = request.round();
        // what the run's end tells; a failure out of the job's own code still tells
        Ending ending = new Ending(ExitCodes.FAILED, null, null);
        List<Long> recovered = List.of();
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        try {
            Optional<LocalDateTime> destroyed = intake.destroyedAt(round);
            if (destroyed.isPresent()) {
                String line = String.format(
                        "round %d's personal data was destroyed on %s (past its retention): it is"
                                + " not run again; its input folder still holds personal data: remove it",
                        round, destroyed.get().withNano(0));
                log.error(line);
                ending = new Ending(ExitCodes.FAILED, null, line);
                return ExitCodes.FAILED;
            }
            java.nio.file.Path folder = properties.roundInput(round);
            if (!java.nio.file.Files.isDirectory(folder)) {
                // refused before the job: a run that cannot read anything leaves
                // no FAILED execution in the round's history
                String line = String.format("round %d has no input folder (%s): nothing was run; put the round's"
                        + " files there (or name the folder with --outcomes.input-dir=...), then run the same command",
                        round, folder.toAbsolutePath());
                log.error(line);
                ending = new Ending(ExitCodes.USAGE, null, line);
                return ExitCodes.USAGE;
            }
            heartbeat.scheduleAtFixedRate(() -> beat(round), RunLock.HEARTBEAT.toSeconds(),
                    RunLock.HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
            recovered = recovery.recover(job.getName(), round);
            Instance instance = instanceFor(request);
            JobParameters parameters = instance.parameters();
            JobExecution last = recovery.recoverUnknown(instance.lastExecution(), round);
            if (last != null) {
                log.info("restarting round {} (runDate {}) after execution {} ended {}", round, request.runDate(),
                        last.getId(), last.getStatus());
            }
            // a failed or stopped instance is restarted from its checkpoint; otherwise a
            // new one starts
            JobExecution execution;
            facts.startedBy(startedBy);
            LogContext.takeLastStep();
            try {
                execution = last != null && last.getStatus() != BatchStatus.COMPLETED ? jobOperator.restart(last)
                        : jobOperator.start(job, parameters);
            }
            catch (RuntimeException e) {
                if (!kr.seoul.sogong.outcomes.store.ConnectionLoss.in(e)) {
                    throw e;
                }
                // the database went away before the run could record how it ended: the
                // next run finds it STARTED or UNKNOWN and resumes it
                // the last top-level step this thread started (partitions run on threads
                // of their own)
                String step = LogContext.takeLastStep();
                ending = new Ending(ExitCodes.FAILED, null, connectionLost(step == null ? "the run" : step));
                log.debug("what the database driver said", e);
                return ExitCodes.FAILED;
            }
            finally {
                facts.startedBy(null);
            }
            ending = endingOf(execution);
            int code = ending.exitCode();
            log.info("round {}: execution {} ended {} (exit code {})", round, execution.getId(), execution.getStatus(),
                    code);
            if (code == ExitCodes.STOPPED) {
                log.info("to resume: the same command, round={} runDate={}", round, request.runDate());
            }
            return code;
        }
        catch (Exception | Error e) {
            ending = new Ending(ExitCodes.FAILED, ending.executionId(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getName());
            throw e;
        }
        finally {
            heartbeat.shutdownNow();
            release(round);
            tell(new RoundRunEnded(round, ending.executionId(), ending.exitCode(), ending.line(), recovered));
        }
    }

    /**
     * The exit code of a run, the execution that ran and the last ERROR line it logged.
     */
    record Ending(int exitCode, @Nullable Long executionId, @Nullable String line) {
    }

    /**
     * Releases the round's lock; a database that is gone at that moment must not hide how
     * the run ended (a lock left behind is taken over once this process is gone).
     */
    private void release(int round) {
        try {
            runLock.release(round);
        }
        catch (RuntimeException e) {
            if (kr.seoul.sogong.outcomes.store.ConnectionLoss.in(e)) {
                // the run's own line already says the database went away
                log.info("round {}: the run lock stays until the next run takes it over", round);
            }
            else {
                log.warn("round {}: the run lock could not be released ({}); the next run takes it over", round,
                        e.getMessage());
            }
        }
    }

    /** Whether the last heartbeat failed: an outage is told once, not every beat. */
    private volatile boolean heartbeatFailing;

    private void beat(int round) {
        try {
            runLock.heartbeat(round);
            facts.beat(round);
            if (heartbeatFailing) {
                heartbeatFailing = false;
                log.info("round {}: the run lock's heartbeat reaches the database again", round);
            }
        }
        catch (RuntimeException e) {
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                log.warn("round {}: the run lock's heartbeat failed ({}); the lock holds while this process lives",
                        round, e.getMessage());
            }
        }
    }

    /**
     * The parameters to launch with, and that instance's last execution (null for a new
     * instance).
     */
    public record Instance(JobParameters parameters, @Nullable JobExecution lastExecution) {
    }

    /**
     * round and runDate; plus rerun=n when the instance with lower n already completed.
     */
    public Instance instanceFor(RunRequest request) {
        for (long rerun = 0;; rerun++) {
            JobParameters parameters = RunParameters.of(request.round(), request.runDate(), rerun);
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                return new Instance(parameters, last);
            }
        }
    }

    /**
     * The one line a run that lost its database ends with; the driver's words are in the
     * log file.
     */
    private static String connectionLost(String during) {
        String line = "the database connection was lost during " + during + "; run the same command once it is back";
        log.error(line);
        return line;
    }

    static Ending endingOf(JobExecution execution) {
        long id = execution.getId();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new Ending(ExitCodes.COMPLETED, id, null);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new Ending(ExitCodes.STOPPED, id, null);
        }
        String lostDuring = connectionLostDuring(execution);
        if (lostDuring != null) {
            // one line the operator can act on; what the driver said is in the log file
            String line = connectionLost(lostDuring);
            failures(execution).forEach(f -> log.debug("what the database driver said", f));
            return new Ending(ExitCodes.FAILED, id, line);
        }
        String line = null;
        for (Throwable failure : failures(execution)) {
            // one line on the console; the stack trace goes with it to the log file only
            line = failure.getMessage() != null ? failure.getMessage()
                    : failure.getClass().getName() + " (a bug: the log file has where)";
            log.error("{}", line, failure);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof QualityGateException) {
                    return new Ending(ExitCodes.QUALITY_GATE, id, line);
                }
            }
        }
        return new Ending(ExitCodes.FAILED, id, line);
    }

    /**
     * The step during which the database went away (a connection broken, refused or shut
     * down by the server), or null when the run failed otherwise.
     */
    static @Nullable String connectionLostDuring(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            boolean lost = step.getStatus() == BatchStatus.UNKNOWN
                    || step.getFailureExceptions().stream().anyMatch(kr.seoul.sogong.outcomes.store.ConnectionLoss::in);
            if (lost && !PartitionStep.class.getName().equals(step.getExecutionContext().get(Step.STEP_TYPE_KEY))) {
                String name = step.getStepName();
                return name.startsWith("ingestPartition") ? "ingestRows" : name;
            }
        }
        return execution.getFailureExceptions().stream().anyMatch(kr.seoul.sogong.outcomes.store.ConnectionLoss::in)
                ? "the run" : null;
    }

    /**
     * What failed: the job's and its steps' exceptions, without a partitioned step's own
     * ("Partition handler returned an unsuccessful step"): its partition that failed says
     * why.
     */
    static List<Throwable> failures(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
        for (StepExecution step : execution.getStepExecutions()) {
            if (!PartitionStep.class.getName().equals(step.getExecutionContext().get(Step.STEP_TYPE_KEY))) {
                failures.addAll(step.getFailureExceptions());
            }
        }
        return failures;
    }

}
