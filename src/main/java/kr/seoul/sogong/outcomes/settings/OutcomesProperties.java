package kr.seoul.sogong.outcomes.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings ({@code outcomes.*}), contract §3 and §6.
 *
 * @param inputDir root holding {@code <round>/centers.csv}, {@code survey/},
 * {@code results/}
 * @param outputDir root receiving {@code <round>/...} outputs
 * @param maxRejectRate quality gate: share of REJECT rows per source file above which the
 * job fails
 * @param minCell small-cell suppression: below this n, satisfaction statistics are hidden
 * @param chunkSize rows per ingest transaction (checkpoint granularity)
 * @param maxFieldLength a longer cell is a FORMAT finding instead of being stored
 * @param staleAfter a run-lock holder on another host silent this long is gone
 * @param progressInterval how often the ingest logs its progress
 * @param nightly what {@code nightly} runs
 * @param locale the language of rejects.csv's message column: English, the contract's,
 * unless set ({@code ko} for Korean)
 * @param ingestPartitions how many partitions (threads) ingest the round's files at once:
 * the available processors, at most 8, unless set
 * @param ingestRange a CSV of at least twice this size is split, when admitted, into
 * ranges of about this size that the partitions read side by side (0: never split);
 * unset: 16 MB on PostgreSQL, never on H2 ({@link #ingestRangeBytes})
 */
@ConfigurationProperties("outcomes")
public record OutcomesProperties(Path inputDir, Path outputDir, Double maxRejectRate, Integer minCell,
        Integer chunkSize, Integer maxFieldLength, Duration staleAfter, Duration progressInterval, Nightly nightly,
        Locale locale, Integer ingestPartitions, @org.jspecify.annotations.Nullable DataSize ingestRange) {

    /**
     * @param rounds the rounds {@code nightly} runs, oldest first; empty: every round
     * folder up to the run date's year
     */
    public record Nightly(List<Integer> rounds) {
        public Nightly {
            rounds = rounds == null ? List.of() : rounds.stream().sorted().toList();
        }
    }

    public OutcomesProperties {
        inputDir = inputDir == null ? Path.of("input") : inputDir;
        outputDir = outputDir == null ? Path.of("output") : outputDir;
        maxRejectRate = maxRejectRate == null ? 0.10 : maxRejectRate;
        minCell = minCell == null ? 3 : minCell;
        chunkSize = chunkSize == null ? 500 : chunkSize;
        maxFieldLength = maxFieldLength == null ? 10_000 : maxFieldLength;
        staleAfter = staleAfter == null ? Duration.ofSeconds(60) : staleAfter;
        progressInterval = progressInterval == null ? Duration.ofSeconds(5) : progressInterval;
        nightly = nightly == null ? new Nightly(List.of()) : nightly;
        locale = locale == null ? Locale.ROOT : locale;
        // each partition holds a connection through its chunk: eight leave the default
        // pool
        // of ten one for the side scans and one for the run lock's heartbeat
        ingestPartitions = ingestPartitions == null ? Math.min(8, Runtime.getRuntime().availableProcessors())
                : Math.max(1, ingestPartitions);
    }

    /**
     * The size of a large CSV's byte ranges on this database. Unset, none on H2: it takes
     * one table's writes one at a time, so a file's ranges are read by one partition
     * there anyway, and finding them costs a pass over the file.
     */
    public long ingestRangeBytes(boolean postgres) {
        if (ingestRange != null) {
            return ingestRange.toBytes();
        }
        return postgres ? DataSize.ofMegabytes(16).toBytes() : 0;
    }

    public Path roundInput(int round) {
        return inputDir.resolve(String.valueOf(round));
    }

    public Path roundOutput(int round) {
        return outputDir.resolve(String.valueOf(round));
    }
}
