package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * A failed night must not leave a mixed folder: the new rejects.csv beside the previous
 * run's committee pack with nothing saying the latest run failed. Outputs are staged and
 * moved together.
 */
class WholeOutputsJobTest extends OutcomesJobTestSupport {

    private static final int ROUND = 6300;

    private List<String> topLevel() throws Exception {
        try (Stream<Path> files = Files.list(output(ROUND))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private JsonNode manifest(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aGateFailureAfterAGoodRunKeepsTheGoodPackApartAndSaysItFailed() throws Exception {
        copySample(2022, ROUND);
        JobExecution good = launch(ROUND, LocalDate.of(2022, 11, 1));
        assertThat(good.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        byte[] goodWorkbook = Files.readAllBytes(output(ROUND).resolve("committee-report.xlsx"));

        // UNREADABLE: the gate fails
        write(ROUND, "survey/broken.xlsx", "not a workbook");
        JobExecution failed = launch(ROUND, LocalDate.of(2022, 11, 2));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        // what the centers must fix comes with the failed run: the corrections too
        assertThat(topLevel()).containsExactly("corrections", "data_quality.csv", "last-completed", "manifest.json",
                "rejects.csv");
        assertThat(read(output(ROUND).resolve("rejects.csv"))).contains("survey/broken.xlsx");
        JsonNode failedManifest = manifest(output(ROUND).resolve("manifest.json"));
        assertThat(failedManifest.get("status").asString()).isEqualTo("FAILED");
        assertThat(failedManifest.get("job_execution_id").asLong()).isEqualTo(failed.getId());
        Path kept = output(ROUND).resolve("last-completed");
        assertThat(manifest(kept.resolve("manifest.json")).get("job_execution_id").asLong()).isEqualTo(good.getId());
        assertThat(manifest(kept.resolve("manifest.json")).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Files.readAllBytes(kept.resolve("committee-report.xlsx"))).isEqualTo(goodWorkbook);
        assertThat(read(kept.resolve("rejects.csv"))).doesNotContain("survey/broken.xlsx");

        // a second failure keeps the same last completed pack
        JobExecution again = launch(ROUND, LocalDate.of(2022, 11, 2));
        assertThat(again.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(manifest(kept.resolve("manifest.json")).get("job_execution_id").asLong()).isEqualTo(good.getId());

        Files.delete(input(ROUND).resolve("survey/broken.xlsx"));
        JobExecution fixed = launch(ROUND, LocalDate.of(2022, 11, 2));
        assertThat(fixed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(topLevel()).doesNotContain("last-completed").contains("committee-report.xlsx", "manifest.json");
        assertThat(manifest(output(ROUND).resolve("manifest.json")).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Files.exists(WORK.resolve("output").resolve(".staging").resolve(ROUND + "-" + fixed.getId())))
            .isFalse();
    }

}
