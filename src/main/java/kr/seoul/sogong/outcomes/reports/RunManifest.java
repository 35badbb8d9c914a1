package kr.seoul.sogong.outcomes.reports;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.intake.SourceFiles;

/** manifest.json: what a run read and wrote, each file with its sha256 (contract §5). */
public final class RunManifest {

    private RunManifest() {
    }

    /**
     * @param outputs output files with their data row counts (null where rows do not
     * apply)
     */
    public static void write(Path target, long jobExecutionId, int round, String centersSha256, int centers,
            List<IntakeStore.StoredFile> inputs, Map<Path, Long> outputs) throws IOException {
        Map<String, Object> manifest = header(jobExecutionId, round, "COMPLETED");
        List<Map<String, Object>> in = new ArrayList<>();
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("source_file", "centers.csv");
        reference.put("sha256", centersSha256);
        reference.put("status", "READY");
        reference.put("encoding", "UTF-8");
        reference.put("rows_read", centers);
        in.add(reference);
        for (IntakeStore.StoredFile f : inputs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source_file", f.sourceFile());
            m.put("sha256", f.sha256());
            m.put("status", f.status().name());
            m.put("encoding", f.encoding());
            m.put("rows_read", f.rowsRead());
            in.add(m);
        }
        manifest.put("inputs", in);
        manifest.put("outputs", outputs(outputs));
        write(target, manifest);
    }

    /**
     * The manifest of a run that did not complete: its status and the files it did write
     * (the findings).
     */
    public static void writeFailed(Path target, long jobExecutionId, int round, String status, Map<Path, Long> outputs)
            throws IOException {
        Map<String, Object> manifest = header(jobExecutionId, round, status);
        manifest.put("note", "this run did not complete: the committee files of the last completed run are in "
                + OutputPublisher.LAST_COMPLETED + "/");
        manifest.put("outputs", outputs(outputs));
        write(target, manifest);
    }

    private static Map<String, Object> header(long jobExecutionId, int round, String status) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("job_execution_id", jobExecutionId);
        manifest.put("round", round);
        manifest.put("status", status);
        manifest.put("generated_at", OffsetDateTime.now().withNano(0).toString());
        return manifest;
    }

    private static List<Map<String, Object>> outputs(Map<Path, Long> outputs) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<Path, Long> e : outputs.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", e.getKey().getFileName().toString());
            m.put("sha256", SourceFiles.sha256(e.getKey()));
            m.put("bytes", Files.size(e.getKey()));
            if (e.getValue() != null) {
                m.put("rows", e.getValue());
            }
            out.add(m);
        }
        return out;
    }

    private static void write(Path target, Map<String, Object> manifest) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        tools.jackson.databind.json.JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValue(temp.toFile(), manifest);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
