package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.util.FileSystemUtils;

/**
 * Whole outputs: a run writes into its own staging folder
 * ({@code output/.staging/<round>-<execution>}) and, when it ends, its files replace
 * {@code output/<round>/} together (two directory renames), so the folder never mixes
 * runs. A run that failed after writing its findings publishes them with a manifest
 * saying FAILED, and keeps the last completed run's committee files, with their manifest,
 * in {@code output/<round>/last-completed/}. A run that wrote nothing leaves the folder
 * as it was.
 */
public class OutputPublisher implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(OutputPublisher.class);

    public static final String LAST_COMPLETED = "last-completed";

    /**
     * Set in the job's execution context to the round's folder when this run's outputs
     * were moved there.
     */
    public static final String PUBLISHED = "outputs.published";
    static final String STAGING = ".staging";

    private final OutcomesProperties properties;

    public OutputPublisher(OutcomesProperties properties) {
        this.properties = properties;
    }

    /** Where an execution writes its outputs until it ends. */
    public static Path staging(OutcomesProperties properties, int round, long executionId) {
        return properties.outputDir().resolve(STAGING).resolve(round + "-" + executionId);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Integer round = RunParameters.round(execution.getJobParameters());
        if (round != null) {
            removeStaleStaging(round.intValue(), execution.getId());
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        Integer round = RunParameters.round(execution.getJobParameters());
        if (round == null) {
            return;
        }
        Path staging = staging(properties, round.intValue(), execution.getId());
        try {
            if (!hasFiles(staging)) {
                FileSystemUtils.deleteRecursively(staging);
                // nothing written: the folder stays as the last run left it
                return;
            }
            Path target = properties.roundOutput(round.intValue());
            boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
            if (!completed) {
                keepLastCompleted(target, staging.resolve(LAST_COMPLETED));
                RunManifest.writeFailed(staging.resolve("manifest.json"), execution.getId(), round.intValue(),
                        execution.getStatus().toString(), outputsOf(staging));
            }
            swap(staging, target);
            execution.getExecutionContext().putString(PUBLISHED, target.toAbsolutePath().normalize().toString());
            log.info("round {}: outputs of execution {} ({}) in {}", round, execution.getId(), execution.getStatus(),
                    target.toAbsolutePath().normalize());
        }
        catch (IOException e) {
            log.error("round {}: the outputs could not be moved from {} into place: {}", round, staging, e.getMessage(),
                    e);
        }
    }

    /**
     * The committee files of the last completed run: the folder's own, or what it kept
     * itself.
     */
    private static void keepLastCompleted(Path target, Path keep) throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        Path manifest = target.resolve("manifest.json");
        if (Files.isRegularFile(manifest) && "COMPLETED".equals(status(manifest))) {
            Files.createDirectories(keep);
            try (Stream<Path> files = Files.list(target)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.move(f, keep.resolve(f.getFileName().toString()));
                }
            }
        }
        else if (Files.isDirectory(target.resolve(LAST_COMPLETED))) {
            Files.move(target.resolve(LAST_COMPLETED), keep);
        }
    }

    /**
     * A manifest's status; one written before the status was recorded is a completed
     * run's.
     */
    static String status(Path manifest) throws IOException {
        JsonNode node = new ObjectMapper().readTree(manifest.toFile());
        return node.hasNonNull("status") ? node.get("status").asString() : "COMPLETED";
    }

    private static Map<Path, Long> outputsOf(Path staging) throws IOException {
        Map<Path, Long> outputs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                outputs.put(f, null);
            }
        }
        return outputs;
    }

    /** The staging folder becomes the round's folder; the old one goes. */
    private static void swap(Path staging, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path old = staging.resolveSibling(staging.getFileName() + ".old");
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        FileSystemUtils.deleteRecursively(old);
    }

    private void removeStaleStaging(int round, long executionId) {
        Path dir = properties.outputDir().resolve(STAGING);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(round + "-")).toList()) {
                // left by a killed run of this round
                FileSystemUtils.deleteRecursively(p);
            }
        }
        catch (IOException e) {
            log.warn("could not clean {}: {}", dir, e.getMessage());
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

}
