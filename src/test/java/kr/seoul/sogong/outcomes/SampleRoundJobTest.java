package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The shipped 2022 sample: the job completes and every seeded defect is reported under
 * its rule.
 */
class SampleRoundJobTest extends OutcomesJobTestSupport {

    private static final int ROUND = 2022;

    @Test
    void sampleRoundCompletesWithItsSeededDefects() throws Exception {
        copySample(2022, ROUND);

        JobExecution execution = launch(ROUND, LocalDate.of(2022, 11, 1));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> rejects = rejectLines(ROUND);
        assertThat(rejects.get(0))
            .isEqualTo("\uFEFFround,source_file,sheet,row_number,field,value,rule,severity,message");
        String all = String.join("\n", rejects);
        assertThat(all).contains(",brn,", ",BRN_CHECKSUM,REJECT,")
            .contains(",q3,6,RANGE,REJECT,")
            .contains(",center,신당동봉제센터,UNKNOWN_CENTER,REJECT,")
            .contains(",employees,12,NOT_SOGONG,WARN,")
            .contains(",DUPLICATE,REJECT,")
            .contains(",needs,수출,UNKNOWN_NEED,WARN,")
            .contains(",OUT_OF_ROUND,WARN,")
            .contains(",end_date,", ",RANGE,REJECT,end_date is before start_date")
            .contains(",NOT_PARTICIPANT,REJECT,", ",NOT_PARTICIPANT,WARN,");
        // 143 responses in two files, one of them CP949
        Integer responsesRead = jdbc.queryForObject(
                "select sum(r.rows_read) from source_range r join source_file f on f.round = r.round"
                        + " and f.source_file = r.source_file where r.round = ? and f.kind = 'SURVEY'",
                Integer.class, ROUND);
        assertThat(responsesRead).isEqualTo(143);
        assertThat(jdbc.queryForObject("select encoding from source_file where round = ? and source_file like '%.csv'",
                String.class, ROUND))
            .isEqualTo("CP949");
        Integer accepted = jdbc.queryForObject(
                "select count(*) from survey_response where round = ? and accepted = true", Integer.class, ROUND);
        // BRN_CHECKSUM, RANGE, UNKNOWN_CENTER and the earlier duplicate are out
        assertThat(accepted).isEqualTo(143 - 4);
        assertThat(jdbc.queryForObject("select count(distinct center_code) from participant where round = ?",
                Integer.class, ROUND))
            .isEqualTo(5);
        // business numbers never appear unmasked in the findings
        assertThat(all).doesNotContainPattern("\\d{3}-\\d{2}-\\d{5}").doesNotContainPattern("\\d{10}");
        assertThat(Files.readString(output(ROUND).resolve("data_quality.csv")))
            .contains("2022,survey/설문_2022_2차.xlsx,71,67,4,5");
        var manifest = new tools.jackson.databind.json.JsonMapper()
            .readTree(output(ROUND).resolve("manifest.json").toFile());
        assertThat(manifest.get("job_execution_id").asLong()).isEqualTo(execution.getId());
        // centers.csv and the 7 source files
        assertThat(manifest.get("inputs")).hasSize(8);
        assertThat(manifest.get("inputs").get(0).get("source_file").asString()).isEqualTo("centers.csv");
        assertThat(manifest.get("inputs").get(0).get("rows_read").asInt()).isEqualTo(5);
        // every output file but the manifest itself
        assertThat(manifest.get("outputs")).hasSize(10);
        for (var out : manifest.get("outputs")) {
            Path file = output(ROUND).resolve(out.get("file").asString());
            assertThat(out.get("sha256").asString()).as(file.toString())
                .isEqualTo(kr.seoul.sogong.outcomes.intake.SourceFiles.sha256(file));
        }
    }

    @Test
    void rerunOnUnchangedFilesGivesIdenticalOutputsAndReadsNothingAgain() throws Exception {
        int round = 2122;
        copySample(2022, round);
        // the round in the files is 2022; only OUT_OF_ROUND differs, which is fine for
        // this comparison
        JobExecution first = launch(round, LocalDate.of(2022, 11, 1));
        byte[] rejects = Files.readAllBytes(output(round).resolve("rejects.csv"));
        byte[] quality = Files.readAllBytes(output(round).resolve("data_quality.csv"));
        var tables = tables(round);

        JobExecution second = launch(round, LocalDate.of(2022, 11, 2));

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(second, "ingestRows").getReadCount()).isZero();
        assertThat(Files.readAllBytes(output(round).resolve("rejects.csv"))).isEqualTo(rejects);
        assertThat(Files.readAllBytes(output(round).resolve("data_quality.csv"))).isEqualTo(quality);
        assertThat(tables(round)).isEqualTo(tables);
    }

}
