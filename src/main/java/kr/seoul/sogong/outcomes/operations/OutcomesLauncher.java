package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.seoul.sogong.outcomes.quality.QualityGateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operator's commands: {@code round=<yyyy> [runDate=<yyyy-MM-dd>]} runs or restarts a
 * round; {@code nightly} runs the configured rounds one after the other; {@code status}
 * shows recent runs; {@code purge} deletes old ones.
 *
 * <p>
 * A run is identified by its business parameters, {@code round} and {@code runDate}: the
 * same command after a failure restarts that job instance from its checkpoint. The same
 * command after a completed run runs the round again as a new instance ({@code rerun=n}),
 * so a nightly rerun on unchanged files simply reproduces the outputs instead of being
 * refused. Before launching, the round's {@link RunLock} is taken (a second launch is
 * refused while one runs) and executions left running by a killed process are recovered.
 */
@Component
@ConditionalOnProperty(name = "outcomes.launcher.enabled", havingValue = "true", matchIfMissing = true)
public class OutcomesLauncher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(OutcomesLauncher.class);

    private final JobRepository jobRepository;

    private final JobOperator jobOperator;

    private final Job job;

    private final RunLock runLock;

    private final StaleExecutionRecovery recovery;

    private final RunHistory history;

    private final NightlyRounds nightly;

    private final RunFacts facts;

    private final RunPurge purge;

    private int exitCode = ExitCodes.FAILED;

    public OutcomesLauncher(JobRepository jobRepository, JobOperator jobOperator, Job outcomesJob, RunLock runLock,
            StaleExecutionRecovery recovery, RunHistory history, NightlyRounds nightly, RunFacts facts,
            RunPurge purge) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.job = outcomesJob;
        this.runLock = runLock;
        this.recovery = recovery;
        this.history = history;
        this.nightly = nightly;
        this.facts = facts;
        this.purge = purge;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String command = words.isEmpty() ? "" : words.get(0);
        try {
            switch (command) {
                case "status" -> {
                    try {
                        history.print(RunRequest.roundFilter(words.subList(1, words.size())));
                    }
                    catch (org.springframework.jdbc.BadSqlGrammarException noTablesYet) {
                        System.out.println("no runs yet (the database has no job tables)");
                    }
                    exitCode = ExitCodes.COMPLETED;
                }
                case "purge" -> {
                    RunRequest.Purge purge = RunRequest.purge(words.subList(1, words.size()));
                    boolean dryRun = args.containsOption("dry-run");
                    RunPurge.print(this.purge.purge(purge.round(), purge.keep(), dryRun), dryRun, System.out);
                    exitCode = ExitCodes.COMPLETED;
                }
                case "nightly" -> {
                    GracefulStop.install();
                    exitCode = runNightly(RunRequest.runDate(words.subList(1, words.size()), LocalDate.now()));
                }
                default -> {
                    RunRequest request = RunRequest.parse(words, LocalDate.now());
                    GracefulStop.install();
                    exitCode = runRound(request);
                }
            }
        }
        catch (RunRequest.UsageException e) {
            log.error(e.getMessage());
            exitCode = ExitCodes.USAGE;
        }
    }

    int runNightly(LocalDate runDate) throws Exception {
        List<Integer> rounds = nightly.rounds(runDate);
        if (rounds.isEmpty()) {
            log.error("nightly: no round configured for {} (outcomes.nightly.rounds) and none in the input folder",
                    runDate);
            return ExitCodes.USAGE;
        }
        log.info("nightly {}: rounds {}", runDate, rounds);
        int first = ExitCodes.COMPLETED;
        for (int round : rounds) {
            int code = runRound(new RunRequest(round, runDate));
            if (first == ExitCodes.COMPLETED) {
                first = code;
            }
            if (code == ExitCodes.STOPPED) {
                break;
            }
        }
        return first;
    }

    int runRound(RunRequest request) throws Exception {
        if (GracefulStop.requested()) {
            return ExitCodes.STOPPED;
        }
        int round = request.round();
        Optional<RunLock.Holder> holder = runLock.acquire(round);
        if (holder.isPresent()) {
            RunLock.Holder h = holder.get();
            log.error("round {} is already running (pid {} on {}, since {}); not starting another. "
                    + "It will be resumable here once it ends.", round, h.pid(), h.host(), h.acquiredAt());
            return ExitCodes.ALREADY_RUNNING;
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        try {
            heartbeat.scheduleAtFixedRate(() -> beat(round), RunLock.HEARTBEAT.toSeconds(),
                    RunLock.HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
            recovery.recover(job.getName(), round);
            Instance instance = instanceFor(request);
            JobParameters parameters = instance.parameters();
            JobExecution last = instance.lastExecution();
            if (last != null) {
                log.info("restarting round {} (runDate {}) after execution {} ended {}", round, request.runDate(),
                        last.getId(), last.getStatus());
            }
            // a failed or stopped instance is restarted from its checkpoint; otherwise a
            // new one starts
            JobExecution execution = last != null && last.getStatus() != BatchStatus.COMPLETED
                    ? jobOperator.restart(last) : jobOperator.start(job, parameters);
            int code = exitCodeOf(execution);
            log.info("round {}: execution {} ended {} (exit code {})", round, execution.getId(), execution.getStatus(),
                    code);
            if (code == ExitCodes.STOPPED) {
                log.info("to resume: the same command, round={} runDate={}", round, request.runDate());
            }
            return code;
        }
        finally {
            heartbeat.shutdownNow();
            runLock.release(round);
        }
    }

    private void beat(int round) {
        try {
            runLock.heartbeat(round);
            facts.beat(round);
        }
        catch (RuntimeException e) {
            log.warn("run lock heartbeat failed: {}", e.getMessage());
        }
    }

    /**
     * The parameters to launch with, and that instance's last execution (null for a new
     * instance).
     */
    record Instance(JobParameters parameters, JobExecution lastExecution) {
    }

    /**
     * round and runDate; plus rerun=n when the instance with lower n already completed.
     */
    Instance instanceFor(RunRequest request) {
        for (long rerun = 0;; rerun++) {
            JobParameters parameters = RunParameters.of(request.round(), request.runDate(), rerun);
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
            if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                return new Instance(parameters, last);
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
        for (Throwable failure : execution.getAllFailureExceptions()) {
            // one line on the console; the stack trace goes with it to the log file only
            log.error("{}", failure.getMessage() != null ? failure.getMessage()
                    : failure.getClass().getName() + " (a bug: the log file has where)", failure);
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
