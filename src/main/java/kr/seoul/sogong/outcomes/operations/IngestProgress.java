package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.validation.ValidatedRow;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress an operator can read at 2 a.m.: at most every {@code interval}, rows done of
 * the total (estimated from the CSVs' line counts; open-ended while a workbook is
 * pending), percent, rows per second and an ETA.
 *
 * <p>
 * Listens to the partitioned ingest step (the total, the last line) and to its partitions
 * (their chunks): one line for the round, the partitions' rows summed, from whichever
 * partition ends a chunk once the interval has passed.
 */
@Component
@StepScope
public class IngestProgress implements StepExecutionListener, ChunkListener<SourceRow, ValidatedRow> {

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

    /** The round's totals, by job execution: shared by the step and its partitions. */
    private static final Map<Long, Tally> TALLIES = new ConcurrentHashMap<>();

    private final IntakeStore store;

    private final int round;

    private final Duration interval;

    private @Nullable StepExecution step;

    private record Tally(String stepName, long total, boolean totalKnown, long startNanos, AtomicLong lastLogNanos) {
    }

    public IngestProgress(IntakeStore store, OutcomesProperties properties, @JobRound int round) {
        this.store = store;
        this.round = round;
        this.interval = properties.progressInterval();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        if (LogContext.isPartition(stepExecution)) {
            return;
        }
        IntakeStore.RowsLeft left = store.rowsLeft(round);
        long now = System.nanoTime();
        TALLIES.put(stepExecution.getJobExecutionId(),
                new Tally(stepExecution.getStepName(), left.rows(), left.complete(), now, new AtomicLong(now)));
        log.info("{}: about {} rows to read{}", stepExecution.getStepName(), left.rows(),
                left.complete() ? "" : " plus workbooks of unknown length");
    }

    @Override
    public void afterChunk(Chunk<ValidatedRow> chunk) {
        StepExecution step = this.step;
        if (step == null) {
            return;
        }
        Tally tally = TALLIES.get(step.getJobExecutionId());
        long now = System.nanoTime();
        if (tally == null) {
            return;
        }
        long last = tally.lastLogNanos().get();
        if (now - last < interval.toNanos() || !tally.lastLogNanos().compareAndSet(last, now)) {
            return;
        }
        long done = step.getJobExecution()
            .getStepExecutions()
            .stream()
            .filter(LogContext::isPartition)
            .mapToLong(StepExecution::getReadCount)
            .sum();
        log.info(line(tally, done, now - tally.startNanos()));
    }

    static String line(String stepName, long total, boolean totalKnown, long done, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        long rate = Math.round(done / seconds);
        StringBuilder sb = new StringBuilder(stepName).append(": ").append(String.format("%,d", done));
        if (totalKnown && total > 0) {
            long shown = Math.max(total, done);
            sb.append(String.format(" / %,d rows (%.0f%%)", shown, 100.0 * done / shown));
            long etaMillis = rate == 0 ? 0 : Math.max(0, shown - done) * 1000 / rate;
            sb.append(String.format(", %,d rows/s, ETA %s", rate, RunHistory.format(Duration.ofMillis(etaMillis))));
        }
        else {
            sb.append(String.format(" rows, %,d rows/s", rate));
        }
        return sb.toString();
    }

    private static String line(Tally tally, long done, long elapsedNanos) {
        return line(tally.stepName(), tally.total(), tally.totalKnown(), done, elapsedNanos);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (LogContext.isPartition(stepExecution)) {
            return stepExecution.getExitStatus();
        }
        Tally tally = TALLIES.remove(stepExecution.getJobExecutionId());
        long startNanos = tally == null ? System.nanoTime() : tally.startNanos();
        log.info("{}: {} rows read in {}", stepExecution.getStepName(),
                String.format("%,d", stepExecution.getReadCount()),
                RunHistory.format(Duration.ofNanos(System.nanoTime() - startNanos)));
        return stepExecution.getExitStatus();
    }

}
