package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import kr.seoul.sogong.outcomes.ingest.IngestPartitioner;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ingest's partitions as {@link IngestPartitioner} deals them: every pending file to
 * exactly one partition, nothing else to any, the rows left spread evenly, and a second
 * dealing (a restart) starting afresh from what is pending then.
 */
class IngestPartitionsTest extends OutcomesJobTestSupport {

    private static final int ROUND = 7101;

    @Autowired
    IntakeStore store;

    private void file(String name, int seq, String status, long estimated, long read, boolean complete) {
        jdbc.update("insert into source_file (round, source_file, file_seq, kind, sha256, size_bytes, encoding,"
                + " status, rows_read, complete, estimated_rows) values (?,?,?,'PARTICIPANTS',?,100,'UTF-8',?,?,?,?)",
                ROUND, name, seq, "0".repeat(64), status, read, complete, estimated);
    }

    private Map<String, Integer> assignment() {
        Map<String, Integer> partitions = new TreeMap<>();
        jdbc.query("select source_file, ingest_partition from source_file where round = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> partitions.put(rs.getString(1),
                        (Integer) rs.getObject(2)),
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
        jdbc.update("delete from source_file where round = ?", ROUND);
        Map<String, Long> rowsLeft = new TreeMap<>();
        long[] sizes = { 9000, 5000, 4000, 3000, 3000, 2000, 1000, 1000, 500, 500 };
        for (int i = 0; i < sizes.length; i++) {
            file("results/f" + i + "_participants.csv", i + 1, "READY", sizes[i], 0, false);
            rowsLeft.put("results/f" + i + "_participants.csv", sizes[i]);
        }
        file("results/done_participants.csv", 20, "READY", 7000, 7000, true);
        file("results/broken_participants.csv", 21, "UNREADABLE", 0, 0, false);

        Map<String, ExecutionContext> contexts = new IngestPartitioner(store, ROUND).partition(3);

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
            assertThat(store.pendingFiles(ROUND, p)).extracting(IntakeStore.StoredFile::sourceFile)
                .allSatisfy(f -> assertThat(rowsLeft).containsKey(f))
                .isSortedAccordingTo((a, b) -> Integer.compare(seq(a), seq(b)));
        }

        // a restart: the largest file half read, two files done since; dealt again from
        // what is left
        jdbc.update("update source_file set rows_read = 4500 where round = ? and source_file = ?", ROUND,
                "results/f0_participants.csv");
        jdbc.update("update source_file set complete = true where round = ? and source_file in (?, ?)", ROUND,
                "results/f1_participants.csv", "results/f2_participants.csv");
        rowsLeft.put("results/f0_participants.csv", 4500L);
        rowsLeft.remove("results/f1_participants.csv");
        rowsLeft.remove("results/f2_participants.csv");

        new IngestPartitioner(store, ROUND).partition(2);

        Map<String, Integer> again = assignment();
        assertThat(again.get("results/f1_participants.csv")).isNull();
        assertThat(again.get("results/f2_participants.csv")).isNull();
        rowsLeft.keySet().forEach(f -> assertThat(again.get(f)).as(f).isBetween(0, 1));
        assertThat(load(again, rowsLeft, 2)).containsExactlyInAnyOrder(7500, 8000);
    }

    private int seq(String sourceFile) {
        return jdbc.queryForObject("select file_seq from source_file where round = ? and source_file = ?",
                Integer.class, ROUND, sourceFile);
    }

}
