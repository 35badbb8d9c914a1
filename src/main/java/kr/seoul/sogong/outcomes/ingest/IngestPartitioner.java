package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.store.IntakeStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.settings.JobRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Splits the ingest of a round by file range
 * ({@link kr.seoul.sogong.outcomes.intake.FileRange}: a whole file, or one of the byte
 * ranges admission split a large CSV into): the pending ranges go to {@code gridSize}
 * partitions, each about the same number of rows left to read (largest first, each to the
 * lightest partition), and the assignment is stored with the ranges
 * ({@code source_range.ingest_partition}) before any partition starts. The ranges of one
 * big file so go to every partition, and a restart spreads over them only the ranges not
 * finished.
 *
 * <p>
 * A partition's execution context holds only its number. Spring Batch hands a restarted
 * partition its previous execution context, so a list kept there would be the list of the
 * failed run: files fixed, added or removed since, or ranges completed by another
 * partition, would be read twice or not at all. The assignment in the database is made
 * afresh each time the step starts, from the ranges still pending.
 */
@Component
@StepScope
public class IngestPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(IngestPartitioner.class);

    /** The execution-context key of a partition's number. */
    public static final String PARTITION = "partition";

    /**
     * Compressed workbook bytes per row, to weigh a workbook whose row count is unknown
     * (a 200,000-row survey workbook is 13 MB).
     */
    private static final long WORKBOOK_BYTES_PER_ROW = 65;

    private final IntakeStore store;

    private final int round;

    public IngestPartitioner(IntakeStore store, @JobRound int round) {
        this.store = store;
        this.round = round;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = Math.max(1, gridSize);
        List<IntakeStore.PendingRange> pending = store.pendingRanges(round)
            .stream()
            .sorted(Comparator.comparingLong(IngestPartitioner::rowsLeft)
                .reversed()
                .thenComparingInt(IntakeStore.PendingRange::fileSeq)
                .thenComparingInt(IntakeStore.PendingRange::rangeSeq))
            .toList();
        long[] load = new long[partitions];
        Map<IntakeStore.RangeKey, Integer> partitionOfRange = new HashMap<>();
        for (IntakeStore.PendingRange range : pending) {
            int lightest = 0;
            for (int p = 1; p < partitions; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            load[lightest] += rowsLeft(range);
            partitionOfRange.put(range.key(), lightest);
        }
        store.assignPartitions(round, partitionOfRange);
        log.info("{} file ranges to read over {} partitions, about {} rows each", pending.size(), partitions,
                java.util.Arrays.toString(load));
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, p);
            contexts.put(PARTITION + p, context);
        }
        return contexts;
    }

    static long rowsLeft(IntakeStore.PendingRange range) {
        Long estimated = range.range().rows();
        long rows = estimated != null ? estimated : range.sizeBytes() / WORKBOOK_BYTES_PER_ROW;
        return Math.max(1, rows - range.rowsRead());
    }

}
