package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kr.seoul.sogong.outcomes.operations.GracefulStop;
import kr.seoul.sogong.outcomes.operations.RoundRunner;
import kr.seoul.sogong.outcomes.operations.RunLock;
import kr.seoul.sogong.outcomes.operations.RunRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The console's actions. A start or restart takes the round's run lock in the request, as
 * the command line does, so a console start and a cron start never run the same round at
 * once and the loser is told who holds it; the run itself goes on in the background. A
 * stop flags an execution running in this process, or sends SIGTERM to the process on
 * this machine that runs it (which stops at its next chunk boundary, as with Ctrl-C).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleRuns {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRuns.class);

    /** What an action did, as the page tells it. */
    public record Outcome(boolean done, String messageKey, Object... arguments) {
    }

    private final RoundRunner runner;

    private final RunLock runLock;

    private final JobRepository repository;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-run");
        t.setDaemon(false);
        return t;
    });

    public ConsoleRuns(RoundRunner runner, RunLock runLock, JobRepository repository) {
        this.runner = runner;
        this.runLock = runLock;
        this.repository = repository;
    }

    /** Starts the round, or restarts its failed or stopped instance of that run date. */
    public Outcome start(int round, LocalDate runDate, String user) {
        Optional<RunLock.Holder> holder = runner.lock(round);
        if (holder.isPresent()) {
            RunLock.Holder h = holder.get();
            log.warn("console: {} asked to run round {}, which pid {} on {} holds since {}", user, round, h.pid(),
                    h.host(), h.acquiredAt());
            return new Outcome(false, "action.held", round, h.pid(), h.host(), h.acquiredAt().withNano(0));
        }
        log.info("console: {} starts round {} (runDate {})", user, round, runDate);
        background.submit(() -> {
            try {
                runner.runLocked(new RunRequest(round, runDate), user);
            }
            catch (Exception | Error e) {
                log.error("console: the run of round {} started by {} ended with {}", round, user, e.toString(), e);
            }
        });
        return new Outcome(true, "action.started", round, runDate);
    }

    /**
     * Restarts a failed or stopped execution: the same round and run date, from its
     * checkpoint.
     */
    public Outcome restart(int round, long executionId, String user) {
        JobExecution execution = execution(round, executionId);
        if (execution == null) {
            return new Outcome(false, "action.noSuchExecution", executionId);
        }
        if (execution.getStatus().isRunning()) {
            return new Outcome(false, "action.stillRunning", executionId);
        }
        LocalDate runDate = execution.getJobParameters().getLocalDate("runDate");
        log.info("console: {} restarts execution {} of round {}", user, executionId, round);
        return start(round, runDate, user);
    }

    /**
     * Stops a running execution of this round: flagged here when this process runs it,
     * else SIGTERM to the process that holds the round's run lock on this machine — and
     * only when that process is the holder still (it started before it took the lock: a
     * pid the system gave to another process since is never signalled).
     */
    public Outcome stop(int round, long executionId, String user) {
        JobExecution execution = execution(round, executionId);
        if (execution == null) {
            return new Outcome(false, "action.noSuchExecution", executionId);
        }
        if (!execution.getStatus().isRunning()) {
            return new Outcome(false, "action.notRunning", executionId);
        }
        if (GracefulStop.stopHere(executionId)) {
            log.info("console: {} stops execution {} of round {} (in this process)", user, executionId, round);
            return new Outcome(true, "action.stopping", executionId);
        }
        Optional<RunLock.Holder> holder = runLock.holder(round);
        if (holder.isPresent() && holder.get().host().equals(RunLock.hostName())) {
            Optional<ProcessHandle> process = ProcessHandle.of(holder.get().pid())
                .filter(p -> isTheHolder(p, holder.get()));
            if (process.isPresent() && process.get().destroy()) {
                log.info("console: {} stops execution {} of round {} (SIGTERM to pid {})", user, executionId, round,
                        holder.get().pid());
                return new Outcome(true, "action.stopping", executionId);
            }
        }
        return new Outcome(false, "action.stopElsewhere", executionId, holder.map(RunLock.Holder::host).orElse("?"));
    }

    /** The execution, when it exists and belongs to this round; else null. */
    private @Nullable JobExecution execution(int round, long executionId) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        }
        catch (RuntimeException noSuchExecution) {
            return null;
        }
        boolean ofThisRound = execution != null && Integer.valueOf(round)
            .equals(kr.seoul.sogong.outcomes.settings.RunParameters.round(execution.getJobParameters()));
        return ofThisRound ? execution : null;
    }

    /**
     * The process is the one that took the lock: it started before the lock was taken. A
     * process the system started later under a reused pid is another.
     */
    static boolean isTheHolder(ProcessHandle process, RunLock.Holder holder) {
        Optional<java.time.Instant> started = process.info().startInstant();
        java.time.Instant locked = holder.acquiredAt().atZone(java.time.ZoneId.systemDefault()).toInstant();
        // start instants are rounded by the system: a second's slack
        return started.isPresent() && !started.get().isAfter(locked.plusSeconds(1));
    }

    /**
     * The console is stopping: runs it started stop at their next chunk boundary and are
     * given a little time to record STOPPED; the same command, or a start here, resumes
     * them.
     */
    @PreDestroy
    void stopRuns() throws InterruptedException {
        background.shutdown();
        GracefulStop.stopAllHere();
        if (!background.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("console: runs still going after 20 s; the next run recovers them");
        }
    }

}
