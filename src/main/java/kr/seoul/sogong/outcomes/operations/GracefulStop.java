package kr.seoul.sogong.outcomes.operations;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.launch.JobOperator;
import sun.misc.Signal;

/**
 * SIGTERM (systemd stop, Kubernetes eviction) and SIGINT (Ctrl-C) stop the running job at its next
 * chunk boundary with status STOPPED; the process then exits normally with
 * {@link ExitCodes#STOPPED}, and the same command later resumes the run.
 *
 * <p>The signal is taken over instead of left to the JVM's shutdown hooks, Spring Batch 6's
 * {@code JobExecutionShutdownHook} included: a shutdown hook runs once the JVM is already exiting, so
 * the process ends with 143 whatever the job does, never with 5; the hook only requests the stop and
 * returns, so the JVM halts without waiting for the chunk boundary; and every hook runs at once, so
 * H2's own would close the database under the job while it finishes its chunk. A second signal gets
 * the default behaviour and ends the process at once.
 */
public final class GracefulStop implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile JobExecution current;
    private static volatile JobOperator operator;

    /** Takes over SIGTERM and SIGINT; called by the launcher of a real process, never by tests in one JVM. */
    public static void install(JobOperator jobOperator) {
        operator = jobOperator;
        if (INSTALLED.compareAndSet(false, true)) {
            for (String name : new String[] {"TERM", "INT"}) {
                Signal.handle(new Signal(name), GracefulStop::onSignal);
            }
        }
    }

    public static boolean requested() {
        return REQUESTED.get();
    }

    private static void onSignal(Signal signal) {
        Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL); // a second one ends the process
        REQUESTED.set(true);
        JobExecution running = current;
        if (running == null || operator == null) {
            log.warn("SIG{} received: no job is running; the next round will not start", signal.getName());
            return;
        }
        log.warn("SIG{} received: stop requested, execution {} stops at its next chunk boundary;"
                + " run the same command to resume", signal.getName(), running.getId());
        try {
            operator.stop(running);
        } catch (Exception e) {
            log.warn("could not request the stop: {}", e.getMessage());
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        current = jobExecution;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        current = null;
    }
}
