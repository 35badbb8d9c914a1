package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;

import java.time.Duration;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.intake.ValidatedRow;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress an operator can read at 2 a.m.: at most every {@code interval}, rows done of
 * the total (estimated from the CSVs' line counts; open-ended while a workbook is
 * pending), percent, rows per second and an ETA.
 */
@Component
@StepScope
public class IngestProgress implements StepExecutionListener, ChunkListener<SourceRow, ValidatedRow> {

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

    private final IntakeStore store;

    private final int round;

    private final Duration interval;

    private StepExecution step;

    private long total;

    private boolean totalKnown;

    private long startNanos;

    private long lastLogNanos;

    public IngestProgress(IntakeStore store, OutcomesProperties properties, @JobRound int round) {
        this.store = store;
        this.round = round;
        this.interval = properties.progressInterval();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        IntakeStore.RowsLeft left = store.rowsLeft(round);
        total = left.rows();
        totalKnown = left.complete();
        startNanos = System.nanoTime();
        lastLogNanos = startNanos;
        log.info("{}: about {} rows to read{}", stepExecution.getStepName(), total,
                totalKnown ? "" : " plus workbooks of unknown length");
    }

    @Override
    public void afterChunk(Chunk<ValidatedRow> chunk) {
        long now = System.nanoTime();
        if (now - lastLogNanos < interval.toNanos()) {
            return;
        }
        lastLogNanos = now;
        log.info(line(step.getReadCount(), now - startNanos));
    }

    String line(long done, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        long rate = Math.round(done / seconds);
        StringBuilder sb = new StringBuilder(step.getStepName()).append(": ").append(String.format("%,d", done));
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

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info("{}: {} rows read in {}", stepExecution.getStepName(),
                String.format("%,d", stepExecution.getReadCount()),
                RunHistory.format(Duration.ofNanos(System.nanoTime() - startNanos)));
        return stepExecution.getExitStatus();
    }

}
