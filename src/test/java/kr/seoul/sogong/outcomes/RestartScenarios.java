package kr.seoul.sogong.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.generator.RoundGenerator;
import kr.seoul.sogong.outcomes.quality.QualityGateException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Fail-then-restart scenarios, run against each database by a subclass. A fault is
 * injected at a chosen row with a CHECK constraint (portable SQL, no hook in the
 * product): the database refuses that row, its chunk rolls back, the step and the job end
 * FAILED with earlier chunks committed.
 */
abstract class RestartScenarios extends OutcomesJobTestSupport {

    private static final String FAULT = "alter table survey_response add constraint injected_fault check (row_number <> 250)";

    private static final String NO_FAULT = "alter table survey_response drop constraint injected_fault";

    protected abstract int roundBase();

    /**
     * Guards against a restart that re-reads or re-writes committed rows, or loses the
     * rows of the failed chunk: run 1 dies in the survey file at row 250; run 2 (same
     * parameters, same job instance) reads only what was not committed and ends with
     * exactly an uninterrupted run's tables and outputs.
     */
    @Test
    void restartAfterAFaultResumesFromTheLastCommittedChunk() throws Exception {
        int round = roundBase() + 1;
        RoundGenerator.synthetic(WORK.resolve("input"), round, 3, 150, 97, 7);
        JobExecution clean = launch(round, LocalDate.of(2030, 1, 1));
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long totalRows = step(clean, "ingestRows").getReadCount();
        Map<String, List<Map<String, Object>>> expected = tables(round);
        Map<String, byte[]> expectedCsv = csvOutputs(round);
        assertThat(expectedCsv).containsKeys("rejects.csv", "data_quality.csv", "participation_by_center.csv",
                "satisfaction_by_center.csv", "kpi_by_center.csv", "budget_by_center.csv", "needs_by_center.csv",
                "yoy_by_center.csv");
        forgetStoredRound(round);
        org.springframework.util.FileSystemUtils.deleteRecursively(output(round));

        jdbc.execute(FAULT);
        JobExecution failed;
        try {
            failed = launch(round, LocalDate.of(2030, 1, 2));
        }
        finally {
            jdbc.execute(NO_FAULT);
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step(failed, "ingestRows").getStatus()).isEqualTo(BatchStatus.FAILED);
        // the survey's partition failed; the other read its files to the end
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("ingestPartition:"))
            .extracting(StepExecution::getStatus)
            .containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
        long committed = jdbc.queryForObject("select sum(rows_read) from source_range where round = ?", Long.class,
                round);
        // the results files (3 centers x 3 files), and the survey's ranges (it is read in
        // byte ranges here) but for the one with row 250, up to the chunk before it
        assertThat(committed).isGreaterThan(0).isLessThan(totalRows);
        assertThat(jdbc.queryForObject("select count(*) from source_range where round = ? and source_file = ?",
                Integer.class, round, "survey/responses.csv"))
            .isGreaterThan(1);
        // the other partition read its ranges of the survey to their end
        assertThat(jdbc.queryForList("select complete from source_range where round = ? and source_file = ?",
                Boolean.class, round, "survey/responses.csv"))
            .contains(true, false);
        assertThat(jdbc.queryForObject("select count(*) from survey_response where round = ? and row_number = 249",
                Integer.class, round))
            .isZero();
        assertThat(Files.exists(output(round).resolve("rejects.csv"))).isFalse();

        JobExecution restarted = launch(round, LocalDate.of(2030, 1, 2));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(step(restarted, "ingestRows").getReadCount()).isEqualTo(totalRows - committed);
        assertThat(tables(round)).isEqualTo(expected);
        assertThat(csvOutputs(round)).containsOnlyKeys(expectedCsv.keySet())
            .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(expectedCsv.get(name)));
    }

    /**
     * Guards the operator's loop at the quality gate: the job fails naming the file,
     * after writing the findings; the operator fixes the file and runs the same command,
     * and that restart sees the new content and ends with exactly the outputs of a clean
     * run on the fixed files.
     */
    @Test
    void qualityGateFailsNamingTheFileAndTheRestartSeesTheFixedFile() throws Exception {
        int round = roundBase() + 2;
        // 20% mistyped numbers
        RoundGenerator.synthetic(WORK.resolve("input"), round, 2, 60, 5, 11);

        JobExecution gated = launch(round, LocalDate.of(2030, 2, 1));

        assertThat(gated.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(gated.getAllFailureExceptions()).singleElement()
            .isInstanceOf(QualityGateException.class)
            .extracting(Throwable::getMessage)
            .asString()
            .contains("survey/responses.csv rejects 24 of 120 rows");
        assertThat(rejectLines(round)).filteredOn(l -> l.contains("BRN_CHECKSUM")).hasSize(24);

        // the operator fixes the file: the center re-exports it with correct numbers
        Path fixedSource = WORK.resolve("fixed-" + round);
        RoundGenerator.synthetic(fixedSource, round, 2, 60, 0, 11);
        Files.copy(fixedSource.resolve(round + "/survey/responses.csv"), input(round).resolve("survey/responses.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JobExecution restarted = launch(round, LocalDate.of(2030, 2, 1));

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(gated.getJobInstance().getId());
        assertThat(step(restarted, "ingestRows").getReadCount()).as("only the changed file is read again")
            .isEqualTo(120);
        Map<String, byte[]> afterRestart = csvOutputs(round);
        Map<String, List<Map<String, Object>>> tablesAfterRestart = tables(round);

        forgetStoredRound(round);
        JobExecution clean = launch(round, LocalDate.of(2030, 2, 2));
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(csvOutputs(round)).containsOnlyKeys(afterRestart.keySet())
            .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(afterRestart.get(name)));
        assertThat(tables(round)).isEqualTo(tablesAfterRestart);
    }

    /**
     * A removed file's rows disappear from the stored round; nothing else is read again.
     */
    @Test
    void removedFileRowsDisappear() throws Exception {
        int round = roundBase() + 3;
        RoundGenerator.synthetic(WORK.resolve("input"), round, 2, 20, 0, 3);
        assertThat(launch(round, LocalDate.of(2030, 3, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select count(*) from outcome where round = ? and center_code = 'CAB'",
                Integer.class, round))
            .isEqualTo(20);

        Files.delete(input(round).resolve("results/CAB_outcomes.csv"));
        JobExecution second = launch(round, LocalDate.of(2030, 3, 2));

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(second, "ingestRows").getReadCount()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outcome where round = ? and center_code = 'CAB'",
                Integer.class, round))
            .isZero();
        assertThat(read(output(round).resolve("data_quality.csv"))).doesNotContain("CAB_outcomes.csv");
    }

    /**
     * Guards the upgrade to digests (Flyway V10) on each database: a round whose rows
     * were stored before digests existed, run again by the new build, gets its digests
     * built from its stored rows, reads no file again, and ends with the same rows,
     * flags, findings and outputs — the rules across rows and the outcome tables would
     * otherwise find no rows at all.
     */
    @Test
    void aRoundStoredBeforeDigestsEndsTheSameWhenRunAgain() throws Exception {
        int round = roundBase() + 4;
        copySample(2022, round);
        assertThat(launch(round, LocalDate.of(2040, 5, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, List<Map<String, Object>>> stored = tables(round);
        Map<String, byte[]> outputs = csvOutputs(round);

        // the round as a database from before V10 holds it
        jdbc.update("delete from row_digest where round = ?", round);
        jdbc.update("delete from cross_row_verdict where round = ?", round);
        jdbc.update("update source_file set digests_stored = false where round = ?", round);
        JobExecution upgraded = launch(round, LocalDate.of(2040, 5, 2));

        assertThat(upgraded.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(upgraded, "ingestRows").getReadCount()).as("no file read again").isZero();
        assertThat(tables(round)).isEqualTo(stored);
        assertThat(csvOutputs(round)).containsOnlyKeys(outputs.keySet())
            .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(outputs.get(name)));
        for (String table : List.of("participant", "outcome", "survey_response")) {
            assertThat(jdbc.queryForObject(
                    "select coalesce(sum(row_count), 0) from row_digest" + " where round = ? and row_table = ?",
                    Long.class, round, table))
                .as(table)
                .isEqualTo(
                        jdbc.queryForObject("select count(*) from " + table + " where round = ?", Long.class, round));
        }
    }

    @Autowired
    kr.seoul.sogong.outcomes.store.IntakeStore intakeStore;

    @Autowired
    kr.seoul.sogong.outcomes.store.FindingStore findingStore;

    @Autowired
    kr.seoul.sogong.outcomes.store.RowTables rowTables;

    @Autowired
    kr.seoul.sogong.outcomes.store.DigestStore digestStore;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Guards against storing a chunk over a gap: when the database lost commits it had
     * acknowledged (an H2 file's serving process killed before writing them, a failover
     * to a replica behind) and the run's connection came back, the next chunk finds its
     * file's checkpoint behind where the run left it. It must fail with nothing stored,
     * not store its rows and move the checkpoint past rows that were never stored; the
     * same command then reads on from what the database holds.
     */
    @Test
    void aChunkIsNotStoredOverLostCommits() throws Exception {
        int round = roundBase() + 5;
        RoundGenerator.synthetic(WORK.resolve("input"), round, 1, 20, 0, 3);
        assertThat(launch(round, LocalDate.of(2040, 6, 1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String survey = "survey/responses.csv";
        // the commits after row 10 lost
        jdbc.update("update source_range set rows_read = 10, complete = false where round = ? and source_file = ?",
                round, survey);
        var writer = new kr.seoul.sogong.outcomes.ingest.IntakeWriter(intakeStore, rowTables, findingStore, digestStore,
                round);
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);

        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> transaction.executeWithoutResult(t -> write(writer, survey, 16, 20)))
            .isInstanceOf(kr.seoul.sogong.outcomes.store.LostCommitException.class)
            .hasMessageContaining(survey)
            .satisfies(e -> assertThat(kr.seoul.sogong.outcomes.store.ConnectionLoss.in(e)).isTrue());
        assertThat(rowsRead(round, survey)).isEqualTo(10);

        // the chunk that follows what the database holds moves the checkpoint
        transaction.executeWithoutResult(t -> write(writer, survey, 11, 15));
        assertThat(rowsRead(round, survey)).isEqualTo(15);
    }

    private long rowsRead(int round, String file) {
        return jdbc.queryForObject("select sum(rows_read) from source_range where round = ? and source_file = ?",
                Long.class, round, file);
    }

    /** A chunk of rows {@code from}..{@code to} of a survey file, none of them stored. */
    private static void write(kr.seoul.sogong.outcomes.ingest.IntakeWriter writer, String file, int from, int to) {
        List<kr.seoul.sogong.outcomes.validation.ValidatedRow> rows = new java.util.ArrayList<>();
        for (int ordinal = from; ordinal <= to; ordinal++) {
            rows.add(new kr.seoul.sogong.outcomes.validation.ValidatedRow(new kr.seoul.sogong.outcomes.intake.SourceRow(
                    file, kr.seoul.sogong.outcomes.intake.SourceKind.SURVEY, "", 0, ordinal + 1, ordinal, Map.of(),
                    null, Map.of(), false), null, List.of()));
        }
        try {
            writer.write(new org.springframework.batch.infrastructure.item.Chunk<>(rows));
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    kr.seoul.sogong.outcomes.store.Dialect dialect;

    /**
     * A round that is one big survey (its participant lists not yet handed in) is read in
     * byte ranges: on PostgreSQL by both partitions, on H2 by one (its MVStore takes one
     * table's writes at a time, and two partitions writing one table were slower than
     * one); either way every answer is stored once, with its NOT_PARTICIPANT warning.
     */
    @Test
    void aRoundOfOneBigCsvIsReadInRanges() throws Exception {
        int round = roundBase() + 7;
        surveyAlone(round, 2, 1_200, 17);

        JobExecution run = launch(round, LocalDate.of(2041, 1, 1));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String survey = "survey/responses.csv";
        assertThat(jdbc.queryForObject("select count(*) from source_range where round = ? and source_file = ?",
                Integer.class, round, survey))
            .isGreaterThan(2);
        assertThat(jdbc.queryForObject("select count(distinct ingest_partition) from source_range where round = ?",
                Integer.class, round))
            .isEqualTo(dialect.postgres() ? 2 : 1);
        assertThat(run.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("ingestPartition:"))
            .extracting(StepExecution::getReadCount)
            .filteredOn(n -> n > 0)
            .hasSize(dialect.postgres() ? 2 : 1);
        long answers = stored(round).rows(kr.seoul.sogong.outcomes.rows.RowTable.SURVEY_RESPONSE);
        assertThat(answers).isEqualTo(step(run, "ingestRows").getReadCount()).isGreaterThan(2_000);
        assertThat(jdbc.queryForObject("select count(distinct row_number) from survey_response where round = ?",
                Long.class, round))
            .isEqualTo(answers);
        assertThat(notParticipantFindings(round)).isEqualTo(answers);
        // its row 250 would stand in the way of the fault injected above
        forgetStoredRound(round);
    }

}
