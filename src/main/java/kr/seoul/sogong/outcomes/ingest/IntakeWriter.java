package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.store.ConnectionLoss;
import kr.seoul.sogong.outcomes.store.DigestStore;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.store.RowDigests;
import kr.seoul.sogong.outcomes.store.RowTables;
import kr.seoul.sogong.outcomes.validation.ValidatedRow;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import kr.seoul.sogong.outcomes.rows.RowTable;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.findings.Finding;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores a chunk: accepted rows into their tables, every finding, and the checkpoint of
 * each file range it read ({@code rows_read}, {@code complete}) — all in the chunk's one
 * transaction, so a row and its findings are committed exactly once whatever fails when.
 * The stores say how ({@code RowTables}: COPY on PostgreSQL).
 */
@Component
@StepScope
public class IntakeWriter implements ItemWriter<ValidatedRow> {

    private final IntakeStore store;

    private final RowTables rowTables;

    private final FindingStore findings;

    private final DigestStore digestStore;

    private final int round;

    /**
     * Where each range of a file starts among its data rows: fixed while the step runs.
     */
    private final Map<String, long[]> rangeStarts = new HashMap<>();

    public IntakeWriter(IntakeStore store, RowTables rowTables, FindingStore findings, DigestStore digestStore,
            @JobRound int round) {
        this.digestStore = digestStore;
        this.store = store;
        this.rowTables = rowTables;
        this.findings = findings;
        this.round = round;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> chunk) throws Exception {
        Map<RowTable, List<Object[]>> rows = new EnumMap<>(RowTable.class);
        Map<RowTable, List<String>> columns = new EnumMap<>(RowTable.class);
        Map<RowTable, List<SourceRow>> sources = new EnumMap<>(RowTable.class);
        List<Finding> findings = new ArrayList<>();
        Map<IntakeStore.RangeKey, SourceRow> firstRowOfRange = new LinkedHashMap<>();
        Map<IntakeStore.RangeKey, SourceRow> lastRowOfRange = new LinkedHashMap<>();
        // the digests of each file's rows per table, for the steps after the ingest
        Map<String, Map<RowTable, RowDigests.Packer>> digests = new LinkedHashMap<>();
        for (ValidatedRow row : chunk) {
            findings.addAll(row.findings());
            IntakeStore.RangeKey range = rangeOf(row.source());
            firstRowOfRange.putIfAbsent(range, row.source());
            lastRowOfRange.put(range, row.source());
            AcceptedRow accepted = row.record();
            if (accepted != null) {
                RowTable table = accepted.table();
                rows.computeIfAbsent(table, k -> new ArrayList<>()).add(values(row.source(), accepted));
                columns.computeIfAbsent(table, k -> withRowKey(accepted.columns()));
                sources.computeIfAbsent(table, k -> new ArrayList<>()).add(row.source());
                if (table.digested()) {
                    digests.computeIfAbsent(row.source().sourceFile(), f -> new EnumMap<>(RowTable.class))
                        .computeIfAbsent(table, RowDigests.Packer::new)
                        .add(row.source(), accepted);
                }
            }
        }
        for (Map.Entry<RowTable, List<Object[]>> e : rows.entrySet()) {
            try {
                // a table's rows come with its columns and sources
                rowTables.insert(e.getKey(), Objects.requireNonNull(columns.get(e.getKey())), e.getValue());
            }
            catch (Exception failure) {
                if (ConnectionLoss.in(failure)) {
                    // not the row's doing: the same command stores it once the database
                    // is back
                    throw failure;
                }
                throw RowStorageException.of(e.getKey().sqlName(), Objects.requireNonNull(sources.get(e.getKey())),
                        failure);
            }
        }
        digests.forEach((file, tables) -> tables.values().forEach(d -> digestStore.insert(round, file, d)));
        this.findings.insert(round, findings, false);
        for (Map.Entry<IntakeStore.RangeKey, SourceRow> e : lastRowOfRange.entrySet()) {
            // ordinals are dense and every row read reaches the writer: the row
            // before the chunk's first is where the last commit left the checkpoint
            long start = startOf(e.getKey());
            long from = Objects.requireNonNull(firstRowOfRange.get(e.getKey())).ordinal() - 1 - start;
            SourceRow last = e.getValue();
            store.recordProgress(round, e.getKey(), from, last.ordinal() - start, last.lastOfRange());
        }
    }

    /** The range of its file a row was read in: the last one starting before it. */
    private IntakeStore.RangeKey rangeOf(SourceRow row) {
        long[] starts = rangeStarts.computeIfAbsent(row.sourceFile(), f -> store.rangeStarts(round, f));
        int seq = java.util.Arrays.binarySearch(starts, row.ordinal() - 1);
        // a range starting right after the row before it, else the one before the
        // insertion point
        return new IntakeStore.RangeKey(row.sourceFile(), seq >= 0 ? seq : -seq - 2);
    }

    private long startOf(IntakeStore.RangeKey range) {
        return Objects.requireNonNull(rangeStarts.get(range.sourceFile()))[range.rangeSeq()];
    }

    private static List<String> withRowKey(List<String> columns) {
        List<String> all = new ArrayList<>(RowTables.ROW_KEY);
        all.addAll(columns);
        return all;
    }

    /** The row key's values, then the row's own. */
    private Object[] values(SourceRow s, AcceptedRow row) {
        List<Object> v = new ArrayList<>(32);
        java.util.Collections.addAll(v, round, s.sourceFile(), s.sheetIndex(), s.sheet(), s.rowNumber());
        row.addValuesTo(v);
        return v.toArray();
    }

}
