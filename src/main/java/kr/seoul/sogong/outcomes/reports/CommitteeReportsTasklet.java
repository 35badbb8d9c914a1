package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.tables.CommonCenters;
import kr.seoul.sogong.outcomes.tables.OutcomeCalculator;
import kr.seoul.sogong.outcomes.tables.OutcomeStore;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;
import kr.seoul.sogong.outcomes.quality.DataQuality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the committee's files from the tables this execution stored: the CSVs of
 * contract §5, committee-report.xlsx, committee-report.html and manifest.json. Each file
 * is written whole and moved into place, so a rerun after a crash rewrites them cleanly.
 */
@Component
@StepScope
public class CommitteeReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CommitteeReportsTasklet.class);

    static final String DATA_QUALITY = "data_quality.csv";

    private final OutcomeStore outcomes;

    private final OutcomeCalculator calculator;

    private final DataQuality dataQuality;

    private final IntakeStore intake;

    private final OutcomesProperties properties;

    private final int round;

    public CommitteeReportsTasklet(OutcomeStore outcomes, OutcomeCalculator calculator, DataQuality dataQuality,
            IntakeStore intake, OutcomesProperties properties, @JobRound int round) {
        this.outcomes = outcomes;
        this.calculator = calculator;
        this.dataQuality = dataQuality;
        this.intake = intake;
        this.properties = properties;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        OutcomeTables tables = outcomes.load(round, executionId);
        CommonCenters common = outcomes.previousRound(round)
            .map(p -> CommonCenters.compare(tables, outcomes.load(p.round(), p.jobExecutionId()),
                    calculator::salesGrowthMedian))
            .orElse(null);
        List<ReportTable> reportTables = CommitteeTables.of(tables, dataQuality.quality(round), common);
        Path out = OutputPublisher.staging(properties, round, executionId);
        Map<Path, Long> written = new LinkedHashMap<>();
        for (ReportTable table : reportTables) {
            if (table.file() == null) {
                // a table of the page and the workbook only
                continue;
            }
            // data_quality.csv was written by the findings step, into this same folder
            long rows = table.file().equals(DATA_QUALITY) ? table.lines().size() : CsvOutput.write(out, table);
            written.put(out.resolve(table.file()), rows);
        }
        written.put(out.resolve("rejects.csv"),
                chunkContext.getStepContext()
                    .getStepExecution()
                    .getJobExecution()
                    .getExecutionContext()
                    .getLong(FindingsReportTasklet.REJECTS_WRITTEN));
        Path workbook = out.resolve(CommitteeFiles.WORKBOOK);
        CommitteeWorkbook.write(workbook, tables, reportTables);
        written.put(workbook, null);
        Path page = out.resolve(CommitteeFiles.PAGE);
        CommitteePage.write(page, tables, reportTables);
        written.put(page, null);
        // the admission stored the round's centers before any row was read
        String centersSha = Objects.requireNonNull(intake.centersSha(round), "the round's centers are stored");
        RunManifest.write(out.resolve("manifest.json"), executionId, round, centersSha, intake.centers(round).size(),
                intake.allFiles(round), written);
        contribution.incrementWriteCount(written.size() + 1);
        log.info("round {}: committee files written", round);
        return RepeatStatus.FINISHED;
    }

}
