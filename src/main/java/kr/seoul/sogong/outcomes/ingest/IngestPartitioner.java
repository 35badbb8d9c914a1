package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.store.IntakeStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import kr.seoul.sogong.outcomes.store.Dialect;
import org.springframework.beans.factory.annotation.Autowired;
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
 * ({@code source_range.ingest_partition}) before any partition starts. A file's ranges
 * stay together unless the file alone is more than a partition's share; then, on
 * PostgreSQL, each is dealt on its own: one big survey is read on every core, and a
 * restart spreads the ranges it did not finish.
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

    private final BooleanSupplier spreadsFiles;

    private final int round;

    @Autowired
    public IngestPartitioner(IntakeStore store, Dialect dialect, @JobRound int round) {
        this(store, dialect::postgres, round);
    }

    /**
     * @param spreadsFiles whether the ranges of one file may go to several partitions: on
     * PostgreSQL; H2 (MVStore) takes one table's writes one at a time, and two partitions
     * writing one file's rows to its table took 17.8 s where one took 13.9 s (the
     * 900,306-row survey, docs/benchmarks.md)
     */
    public IngestPartitioner(IntakeStore store, BooleanSupplier spreadsFiles, int round) {
        this.store = store;
        this.spreadsFiles = spreadsFiles;
        this.round = round;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = Math.max(1, gridSize);
        Map<String, List<IntakeStore.PendingRange>> byFile = new LinkedHashMap<>();
        long total = 0;
        for (IntakeStore.PendingRange range : store.pendingRanges(round)) {
            byFile.computeIfAbsent(range.sourceFile(), f -> new ArrayList<>()).add(range);
            total += rowsLeft(range);
        }
        // a file's ranges are read by one partition unless the file alone is more than
        // a partition's share: then each range is dealt on its own
        long share = (total + partitions - 1) / partitions;
        boolean spread = partitions > 1 && spreadsFiles.getAsBoolean();
        List<List<IntakeStore.PendingRange>> units = new ArrayList<>();
        int spreadRanges = 0;
        for (List<IntakeStore.PendingRange> ranges : byFile.values()) {
            if (spread && ranges.size() > 1 && rowsLeft(ranges) > share) {
                ranges.forEach(r -> units.add(List.of(r)));
                spreadRanges += ranges.size();
            }
            else {
                units.add(ranges);
            }
        }
        Comparator<List<IntakeStore.PendingRange>> largestFirst = Comparator.comparingLong(IngestPartitioner::rowsLeft);
        units.sort(largestFirst.reversed()
            .thenComparingInt(u -> u.get(0).fileSeq())
            .thenComparingInt(u -> u.get(0).rangeSeq()));
        long[] load = new long[partitions];
        Map<IntakeStore.RangeKey, Integer> partitionOfRange = new HashMap<>();
        for (List<IntakeStore.PendingRange> unit : units) {
            int lightest = 0;
            for (int p = 1; p < partitions; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            load[lightest] += rowsLeft(unit);
            for (IntakeStore.PendingRange range : unit) {
                partitionOfRange.put(range.key(), lightest);
            }
        }
        store.assignPartitions(round, partitionOfRange);
        log.info("{} files to read over {} partitions ({} byte ranges of large files dealt one by one), about {}"
                + " rows each", byFile.size(), partitions, spreadRanges, java.util.Arrays.toString(load));
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, p);
            contexts.put(PARTITION + p, context);
        }
        return contexts;
    }

    private static long rowsLeft(List<IntakeStore.PendingRange> ranges) {
        long rows = 0;
        for (IntakeStore.PendingRange range : ranges) {
            rows += rowsLeft(range);
        }
        return rows;
    }

    static long rowsLeft(IntakeStore.PendingRange range) {
        Long estimated = range.range().rows();
        long rows = estimated != null ? estimated : range.sizeBytes() / WORKBOOK_BYTES_PER_ROW;
        return Math.max(1, rows - range.rowsRead());
    }

}
