package kr.seoul.sogong.outcomes.reports;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * manifest.json: what a run read and wrote, each file with its sha256 (contract §5). A
 * record tree that Jackson writes, its names in snake case.
 */
public final class RunManifest {

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .build();

    /**
     * The manifest; a completed run lists its inputs, one that did not complete says so
     * in a note instead.
     */
    record Manifest(long jobExecutionId, int round, String status, String generatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String note,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Input> inputs, List<Output> outputs) {
    }

    /** A file the run read (centers.csv first). */
    record Input(String sourceFile, String sha256, String status, @Nullable String encoding, long rowsRead) {
    }

    /** A file the run wrote; {@code rows} where data rows apply. */
    record Output(String file, String sha256, long bytes,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long rows) {
    }

    private RunManifest() {
    }

    /**
     * @param outputs output files with their data row counts (null where rows do not
     * apply)
     */
    public static void write(Path target, long jobExecutionId, int round, String centersSha256, int centers,
            List<IntakeStore.StoredFile> inputs, Map<Path, Long> outputs) throws IOException {
        List<Input> in = new ArrayList<>();
        in.add(new Input("centers.csv", centersSha256, "READY", "UTF-8", centers));
        for (IntakeStore.StoredFile f : inputs) {
            in.add(new Input(f.sourceFile(), f.sha256(), f.status().name(), f.encoding(), f.rowsRead()));
        }
        write(target, new Manifest(jobExecutionId, round, "COMPLETED", now(), null, in, outputs(outputs)));
    }

    /**
     * The manifest of a run that did not complete: its status and the files it did write
     * (the findings).
     */
    public static void writeFailed(Path target, long jobExecutionId, int round, String status, Map<Path, Long> outputs)
            throws IOException {
        String note = "this run did not complete: the committee files of the last completed run are in "
                + OutputPublisher.LAST_COMPLETED + "/";
        write(target, new Manifest(jobExecutionId, round, status, now(), note, null, outputs(outputs)));
    }

    private static String now() {
        return OffsetDateTime.now().withNano(0).toString();
    }

    private static List<Output> outputs(Map<Path, Long> outputs) throws IOException {
        List<Output> out = new ArrayList<>();
        for (Map.Entry<Path, Long> e : outputs.entrySet()) {
            out.add(new Output(e.getKey().getFileName().toString(), SourceFiles.sha256(e.getKey()),
                    Files.size(e.getKey()), e.getValue()));
        }
        return out;
    }

    private static void write(Path target, Manifest manifest) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        JSON.writeValue(temp.toFile(), manifest);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
