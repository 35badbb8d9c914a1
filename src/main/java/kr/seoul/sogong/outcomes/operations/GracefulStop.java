package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.ExitCodes;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import sun.misc.Signal;

/**
 * SIGTERM (systemd stop, Kubernetes eviction) and SIGINT (Ctrl-C) stop the running job at
 * its next chunk boundary with status STOPPED; the process then exits normally with
 * {@link ExitCodes#STOPPED}, and the same command later resumes the run.
 *
 * <p>
 * The signal is taken over instead of left to the JVM's shutdown hooks, Spring Batch 6's
 * {@code JobExecutionShutdownHook} included: a shutdown hook runs once the JVM is already
 * exiting, so the process ends with 143 whatever the job does, never with 5; the hook
 * only requests the stop and returns, so the JVM halts without waiting for the chunk
 * boundary; and every hook runs at once, so H2's own would close the database under the
 * job while it finishes its chunk. A second signal gets the default behaviour and ends
 * the process at once.
 */
public final class GracefulStop implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    /**
     * The executions running in this process (the console runs several rounds at once).
     */
    private static final java.util.Map<Long, JobExecution> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Takes over SIGTERM and SIGINT; called by the launcher of a real process, never by
     * tests in one JVM.
     */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            for (String name : new String[] { "TERM", "INT" }) {
                Signal.handle(new Signal(name), GracefulStop::onSignal);
            }
        }
    }

    public static boolean requested() {
        return REQUESTED.get();
    }

    /**
     * Whether a job has begun in this process (a signal before is a stop before the
     * round).
     */
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private static void onSignal(Signal signal) {
        // a second one ends the process
        Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL);
        REQUESTED.set(true);
        if (!BEGUN.get()) {
            // still starting (the JVM, Spring, the database): nothing was read, nothing
            // to resume; said, and ended with the README's code for a stop
            String line = "SIG" + signal.getName() + " received: stopped before the round started; nothing to resume";
            System.err.println(line);
            log.warn(line);
            System.exit(ExitCodes.STOPPED);
        }
        if (RUNNING.isEmpty()) {
            log.warn("SIG{} received: no job is running; the next round will not start", signal.getName());
            return;
        }
        for (JobExecution running : RUNNING.values()) {
            log.warn("SIG{} received: stop requested, execution {} stops at its next chunk boundary;"
                    + " run the same command to resume", signal.getName(), running.getId());
            flag(running);
        }
    }

    /**
     * Stops an execution running in this process at its next chunk boundary, as a signal
     * would; false when it does not run here. In this JVM the running execution is at
     * hand: flag it, and the job's own thread stops at the next chunk boundary
     * (ChunkOrientedStep checks terminateOnly per chunk, the job STOPPING between steps)
     * and records STOPPED itself. JobOperator.stop would write the step execution to the
     * repository from this thread while the job's thread writes the same object: in 6.0.6
     * that race ends the step UNKNOWN ("Attempt to update step execution id=2 with wrong
     * version"), exit 1, seen once in ten SIGTERM runs.
     */
    public static boolean stopHere(long executionId) {
        JobExecution running = RUNNING.get(executionId);
        if (running == null) {
            return false;
        }
        flag(running);
        return true;
    }

    /** Stops every execution running in this process (the console is shutting down). */
    public static void stopAllHere() {
        RUNNING.values().forEach(GracefulStop::flag);
    }

    private static void flag(JobExecution running) {
        running.setStatus(BatchStatus.STOPPING);
        for (StepExecution step : running.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setTerminateOnly();
            }
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        BEGUN.set(true);
        RUNNING.put(jobExecution.getId(), jobExecution);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        RUNNING.remove(jobExecution.getId());
    }

}
