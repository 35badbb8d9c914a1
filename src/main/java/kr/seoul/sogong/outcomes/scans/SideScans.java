package kr.seoul.sogong.outcomes.scans;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads on the second core: a read started here runs on a thread of its own, in a
 * read-only transaction of its own, while the step's own thread reads something else (the
 * outcome tables read the outcomes' digests beside the participants' and the survey's).
 *
 * <p>
 * A side read sees what is committed, never the uncommitted changes of the step's own
 * transaction: start one only over rows the step has not changed.
 */
@Component
public class SideScans {

    private final TransactionTemplate readOnly;

    public SideScans(PlatformTransactionManager tx) {
        this.readOnly = new TransactionTemplate(tx);
        readOnly.setReadOnly(true);
        readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A scan running beside the caller; {@link Scan#result()} waits for it. */
    public <T> Scan<T> start(String name, Supplier<T> scan) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Thread thread = new Thread(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                result.complete(readOnly.execute(status -> scan.get()));
            }
            catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "scan-" + name);
        thread.setDaemon(true);
        thread.start();
        return new Scan<>(result);
    }

    /** A scan started by {@link SideScans#start}. */
    public record Scan<T>(CompletableFuture<T> future) {

        /** Waits for the scan; its failure is thrown here, as the caller's own. */
        public T result() {
            try {
                return future.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a side scan", e);
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

}
