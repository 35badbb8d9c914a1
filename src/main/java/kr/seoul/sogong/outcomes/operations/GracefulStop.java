package kr.seoul.sogong.outcomes.operations;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.launch.JobOperator;

/**
 * SIGTERM (systemd stop, Kubernetes eviction, Ctrl-C) stops the running job at its next chunk
 * boundary with status STOPPED, instead of tearing the database connections away mid-chunk; the
 * same command later restarts it. The process then exits with {@link ExitCodes#STOPPED}.
 *
 * <p>Spring Boot's own shutdown hook is switched off in {@code main} so the context stays open
 * until the job has stopped; this hook waits for {@code main} to close it, then ends the process.
 */
public final class GracefulStop implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);
    private static final Duration WAIT = Duration.ofMinutes(10);

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final CountDownLatch MAIN_DONE = new CountDownLatch(1);
    private static final AtomicInteger EXIT_CODE = new AtomicInteger(ExitCodes.STOPPED);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile JobExecution current;
    private static volatile JobOperator operator;

    /** Installs the hook; called by the launcher of a real process, never by tests in one JVM. */
    public static void install(JobOperator jobOperator) {
        operator = jobOperator;
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(GracefulStop::onSignal, "graceful-stop"));
        }
    }

    public static boolean requested() {
        return REQUESTED.get();
    }

    /** main has closed the context and is about to exit with this code. */
    public static void mainFinished(int exitCode) {
        EXIT_CODE.set(exitCode);
        MAIN_DONE.countDown();
    }

    private static void onSignal() {
        if (MAIN_DONE.getCount() == 0) {
            return; // a normal exit, not a signal
        }
        REQUESTED.set(true);
        JobExecution running = current;
        if (running != null && operator != null) {
            log.warn("stop requested: execution {} stops at its next chunk boundary; run the same command to resume",
                    running.getId());
            try {
                operator.stop(running.getId());
            } catch (Exception e) {
                log.warn("could not request the stop: {}", e.getMessage());
            }
        }
        try {
            if (MAIN_DONE.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Runtime.getRuntime().halt(EXIT_CODE.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
