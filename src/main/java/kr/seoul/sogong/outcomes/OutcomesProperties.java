package kr.seoul.sogong.outcomes;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings ({@code outcomes.*}), contract §3 and §6.
 *
 * @param inputDir       root holding {@code <round>/centers.csv}, {@code survey/}, {@code results/}
 * @param outputDir      root receiving {@code <round>/...} outputs
 * @param maxRejectRate  quality gate: share of REJECT rows per source file above which the job fails
 * @param minCell        small-cell suppression: below this n, satisfaction statistics are hidden
 * @param chunkSize      rows per ingest transaction (checkpoint granularity)
 * @param maxFieldLength a longer cell is a FORMAT finding instead of being stored
 */
@ConfigurationProperties("outcomes")
public record OutcomesProperties(Path inputDir, Path outputDir, Double maxRejectRate, Integer minCell,
        Integer chunkSize, Integer maxFieldLength) {

    public OutcomesProperties {
        inputDir = inputDir == null ? Path.of("input") : inputDir;
        outputDir = outputDir == null ? Path.of("output") : outputDir;
        maxRejectRate = maxRejectRate == null ? 0.10 : maxRejectRate;
        minCell = minCell == null ? 3 : minCell;
        chunkSize = chunkSize == null ? 500 : chunkSize;
        maxFieldLength = maxFieldLength == null ? 10_000 : maxFieldLength;
    }

    public Path roundInput(int round) {
        return inputDir.resolve(String.valueOf(round));
    }

    public Path roundOutput(int round) {
        return outputDir.resolve(String.valueOf(round));
    }
}
