package kr.seoul.sogong.outcomes.ingest;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.RowSource;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;

import java.nio.file.Path;
import java.util.Objects;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the data rows of the file ranges of a round that are not yet read to their end,
 * in file order: those of its partition ({@link IngestPartitioner}) when the step runs
 * partitioned, else all of them.
 *
 * <p>
 * The checkpoint is each range's {@code rows_read} in {@code source_range}, written by
 * the {@link IntakeWriter} in the same transaction as the rows themselves, so after a
 * failure the restarted step skips exactly the committed rows of the range it was in, and
 * ranges completed before are not opened at all. Keeping it beside the file's sha256
 * (rather than in the step's ExecutionContext) means a file changed between the failure
 * and the restart is read from its first row, never resumed at a position that belonged
 * to the old content.
 */
@Component
@StepScope
public class RoundRowReader implements ItemStreamReader<SourceRow> {

    private final IntakeStore store;

    private final Path roundDir;

    private final int round;

    private Deque<IntakeStore.PendingRange> pending = new ArrayDeque<>();

    private @Nullable RowSource source;

    private @Nullable SourceRow lookahead;

    public RoundRowReader(IntakeStore store, OutcomesProperties properties, @JobRound int round) {
        this.store = store;
        this.roundDir = properties.roundInput(round);
        this.round = round;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        pending = new ArrayDeque<>(executionContext.containsKey(IngestPartitioner.PARTITION)
                ? store.pendingRanges(round, executionContext.getInt(IngestPartitioner.PARTITION))
                : store.pendingRanges(round));
    }

    @Override
    public @Nullable SourceRow read() throws Exception {
        while (true) {
            if (source == null) {
                if (pending.isEmpty()) {
                    return null;
                }
                openNext(pending.poll());
                if (lookahead == null) {
                    closeSource();
                    continue;
                }
            }
            // an open source always has its next row read ahead
            SourceRow row = Objects.requireNonNull(lookahead);
            lookahead = Objects.requireNonNull(source).next();
            if (lookahead == null) {
                closeSource();
                return row.asLastOfRange();
            }
            return row;
        }
    }

    private void openNext(IntakeStore.PendingRange range) throws Exception {
        source = SourceFiles.open(roundDir, range.sourceFile(), range.kind(), range.encoding(), range.range());
        long committed = range.range().startOrdinal() + range.rowsRead();
        SourceRow row;
        do {
            row = source.next();
        }
        while (row != null && row.ordinal() <= committed);
        lookahead = row;
    }

    private void closeSource() throws Exception {
        if (source != null) {
            source.close();
            source = null;
        }
        lookahead = null;
    }

    @Override
    public void close() throws ItemStreamException {
        try {
            closeSource();
        }
        catch (Exception e) {
            throw new ItemStreamException(e);
        }
    }

}
