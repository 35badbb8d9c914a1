package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.seoul.sogong.outcomes.ingest.IngestPartitioner;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ingest's partitions as {@link IngestPartitioner} deals them: every pending file
 * range to exactly one partition, nothing else to any, the rows left spread evenly — the
 * ranges of one big file over every partition — and a second dealing (a restart) starting
 * afresh from what is pending then.
 */
class IngestPartitionsTest extends OutcomesJobTestSupport {

    private static final int ROUND = 7101;

    @Autowired
    IntakeStore store;

    private void file(String name, int seq, String status, long estimated, long read, boolean complete) {
        jdbc.update(
                "insert into source_file (round, source_file, file_seq, kind, sha256, size_bytes, encoding,"
                        + " status, estimated_rows) values (?,?,?,'PARTICIPANTS',?,100,'UTF-8',?,?)",
                ROUND, name, seq, "0".repeat(64), status, estimated);
        if (status.equals("READY")) {
            range(name, 0, 0, estimated, read, complete);
        }
    }

    private void range(String name, int seq, long startOrdinal, long estimated, long read, boolean complete) {
        jdbc.update(
                "insert into source_range (round, source_file, range_seq, start_byte, start_line, start_row,"
                        + " start_ordinal, reported_columns, end_line, estimated_rows, rows_read, complete)"
                        + " values (?,?,?,?,?,?,?,'',-1,?,?,?)",
                ROUND, name, seq, startOrdinal * 100, startOrdinal + 1, (int) startOrdinal + 1, startOrdinal, estimated,
                read, complete);
    }

    /**
     * The round holds only a survey file in {@code ranges} byte ranges of
     * {@code rowsEach} rows, none read; its name.
     */
    private String onlySurvey(int fileSeq, int ranges, long rowsEach) {
        jdbc.update("delete from source_range where round = ?", ROUND);
        jdbc.update("delete from source_file where round = ?", ROUND);
        String survey = "survey/responses.csv";
        jdbc.update(
                "insert into source_file (round, source_file, file_seq, kind, sha256, size_bytes, encoding,"
                        + " status, estimated_rows) values (?,?,?,'SURVEY',?,100000000,'UTF-8','READY',?)",
                ROUND, survey, fileSeq, "0".repeat(64), ranges * rowsEach);
        for (int r = 0; r < ranges; r++) {
            range(survey, r, r * rowsEach, rowsEach, 0, false);
        }
        return survey;
    }

    /** Each range's partition, by "file" (range 0) or "file#seq". */
    private Map<String, Integer> assignment() {
        Map<String, Integer> partitions = new TreeMap<>();
        jdbc.query("select source_file, range_seq, ingest_partition from source_range where round = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> partitions
                    .put(rs.getString(1) + (rs.getInt(2) == 0 ? "" : "#" + rs.getInt(2)), (Integer) rs.getObject(3)),
                ROUND);
        return partitions;
    }

    private long[] load(Map<String, Integer> assignment, Map<String, Long> rowsLeft, int partitions) {
        long[] load = new long[partitions];
        assignment.forEach((file, p) -> {
            if (p != null) {
                load[p] += rowsLeft.get(file);
            }
        });
        return load;
    }

    @Test
    void everyPendingFileGoesToOnePartitionAndTheRowsLeftAreSpread() {
        jdbc.update("delete from source_range where round = ?", ROUND);
        jdbc.update("delete from source_file where round = ?", ROUND);
        Map<String, Long> rowsLeft = new TreeMap<>();
        long[] sizes = { 9000, 5000, 4000, 3000, 3000, 2000, 1000, 1000, 500, 500 };
        for (int i = 0; i < sizes.length; i++) {
            file("results/f" + i + "_participants.csv", i + 1, "READY", sizes[i], 0, false);
            rowsLeft.put("results/f" + i + "_participants.csv", sizes[i]);
        }
        file("results/done_participants.csv", 20, "READY", 7000, 7000, true);
        file("results/broken_participants.csv", 21, "UNREADABLE", 0, 0, false);

        Map<String, ExecutionContext> contexts = new IngestPartitioner(store, () -> true, ROUND).partition(3);

        assertThat(contexts).containsOnlyKeys("partition0", "partition1", "partition2");
        contexts.forEach((name, context) -> assertThat(context.entrySet()).singleElement()
            .satisfies(e -> assertThat(name).isEqualTo("partition" + e.getValue())));
        Map<String, Integer> assignment = assignment();
        assertThat(assignment.get("results/done_participants.csv")).as("complete: no partition").isNull();
        assertThat(assignment.get("results/broken_participants.csv")).as("unreadable: no partition").isNull();
        rowsLeft.keySet().forEach(f -> assertThat(assignment.get(f)).as(f).isBetween(0, 2));
        long[] load = load(assignment, rowsLeft, 3);
        // largest first, each to the lightest: 9000+1000, 5000+3000+1000+500,
        // 4000+3000+2000+500
        assertThat(load).containsExactlyInAnyOrder(10000, 9500, 9500);
        for (int p = 0; p < 3; p++) {
            assertThat(store.pendingRanges(ROUND, p)).extracting(IntakeStore.PendingRange::sourceFile)
                .allSatisfy(f -> assertThat(rowsLeft).containsKey(f))
                .isSortedAccordingTo((a, b) -> Integer.compare(seq(a), seq(b)));
        }

        // a restart: the largest file half read, two files done since; dealt again from
        // what is left
        jdbc.update("update source_range set rows_read = 4500 where round = ? and source_file = ?", ROUND,
                "results/f0_participants.csv");
        jdbc.update("update source_range set complete = true where round = ? and source_file in (?, ?)", ROUND,
                "results/f1_participants.csv", "results/f2_participants.csv");
        rowsLeft.put("results/f0_participants.csv", 4500L);
        rowsLeft.remove("results/f1_participants.csv");
        rowsLeft.remove("results/f2_participants.csv");

        new IngestPartitioner(store, () -> true, ROUND).partition(2);

        Map<String, Integer> again = assignment();
        assertThat(again.get("results/f1_participants.csv")).isNull();
        assertThat(again.get("results/f2_participants.csv")).isNull();
        rowsLeft.keySet().forEach(f -> assertThat(again.get(f)).as(f).isBetween(0, 1));
        assertThat(load(again, rowsLeft, 2)).containsExactlyInAnyOrder(7500, 8000);
    }

    /**
     * One big CSV in ranges beside small files: its ranges go to both partitions, and a
     * restart deals only its unfinished ranges, each with the rows it has left.
     */
    @Test
    void theRangesOfOneBigFileAreSpreadOverThePartitions() {
        String survey = onlySurvey(1, 4, 10_000);
        file("results/a_participants.csv", 2, "READY", 3000, 0, false);
        file("results/b_participants.csv", 3, "READY", 2000, 0, false);

        new IngestPartitioner(store, () -> true, ROUND).partition(2);

        Map<String, Integer> assignment = assignment();
        assertThat(assignment).containsEntry(survey, 0).containsEntry(survey + "#1", 1);
        Map<String, Long> rowsLeft = new TreeMap<>(
                Map.of(survey, 10_000L, survey + "#1", 10_000L, survey + "#2", 10_000L, survey + "#3", 10_000L,
                        "results/a_participants.csv", 3000L, "results/b_participants.csv", 2000L));
        assertThat(load(assignment, rowsLeft, 2)).containsExactlyInAnyOrder(22_000, 23_000);
        // each partition reads its ranges of the file in their order
        for (int p = 0; p < 2; p++) {
            assertThat(store.pendingRanges(ROUND, p)).filteredOn(r -> r.sourceFile().equals(survey))
                .extracting(IntakeStore.PendingRange::rangeSeq)
                .hasSize(2)
                .isSorted();
        }

        // killed with ranges 0 and 1 done, 2 and 3 at 8,000 of 10,000 rows, the results
        // read: the two ranges left go one to each partition
        jdbc.update("update source_range set complete = true, rows_read = estimated_rows where round = ?"
                + " and (range_seq < 2 or source_file <> ?)", ROUND, survey);
        jdbc.update("update source_range set rows_read = 8000 where round = ? and range_seq >= 2", ROUND);

        new IngestPartitioner(store, () -> true, ROUND).partition(2);

        Map<String, Integer> again = assignment();
        assertThat(again.get(survey)).isNull();
        assertThat(again.get(survey + "#1")).isNull();
        assertThat(List.of(again.get(survey + "#2"), again.get(survey + "#3"))).containsExactlyInAnyOrder(0, 1);
        assertThat(store.pendingRanges(ROUND)).extracting(IntakeStore.PendingRange::rowsRead)
            .containsExactly(8000L, 8000L);

        // on H2 (no spreading) the file's ranges stay in one partition
        new IngestPartitioner(store, () -> false, ROUND).partition(2);

        Map<String, Integer> onH2 = assignment();
        assertThat(onH2.get(survey + "#2")).isNotNull().isEqualTo(onH2.get(survey + "#3"));
    }

    /**
     * A file no larger than a partition's share keeps its ranges together, so two
     * partitions do not write its rows to one table at once for nothing.
     */
    @Test
    void aFileWithinAPartitionsShareIsReadByOnePartition() {
        String survey = onlySurvey(9, 4, 5_000);
        for (int i = 0; i < 4; i++) {
            file("results/f" + i + "_participants.csv", i + 1, "READY", 6_000, 0, false);
        }

        new IngestPartitioner(store, () -> true, ROUND).partition(2);

        Map<String, Integer> assignment = assignment();
        assertThat(List.of(survey + "#1", survey + "#2", survey + "#3"))
            .allSatisfy(r -> assertThat(assignment.get(r)).isEqualTo(assignment.get(survey)));
        assertThat(load(assignment,
                Map.of(survey, 20_000L, survey + "#1", 0L, survey + "#2", 0L, survey + "#3", 0L,
                        "results/f0_participants.csv", 6_000L, "results/f1_participants.csv", 6_000L,
                        "results/f2_participants.csv", 6_000L, "results/f3_participants.csv", 6_000L),
                2))
            .containsExactlyInAnyOrder(20_000, 24_000);
    }

    private int seq(String sourceFile) {
        return jdbc.queryForObject("select file_seq from source_file where round = ? and source_file = ?",
                Integer.class, ROUND, sourceFile);
    }

}
