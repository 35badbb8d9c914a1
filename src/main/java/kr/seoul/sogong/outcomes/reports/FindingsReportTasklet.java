package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import kr.seoul.sogong.outcomes.corrections.CorrectionWorkbooks;
import kr.seoul.sogong.outcomes.corrections.RootCauses;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.quality.DataQuality;
import kr.seoul.sogong.outcomes.store.FindingFilter;
import kr.seoul.sogong.outcomes.store.FindingStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.quality.DataQuality.FileQuality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes {@code rejects.csv}, {@code data_quality.csv} and the centers' correction
 * workbooks; the quality gate, the next step ({@code quality.QualityGateTasklet}), judges
 * the round after they are written, so the operator can fix a file and rerun.
 */
@Component
@StepScope
public class FindingsReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FindingsReportTasklet.class);

    private final DataQuality dataQuality;

    private final FindingStore findings;

    private final OutcomesProperties properties;

    private final int round;

    /**
     * In the job's execution context: the number of rows this run wrote to rejects.csv.
     */
    static final String REJECTS_WRITTEN = "rejects.written";

    private final CorrectionWorkbooks corrections;

    public FindingsReportTasklet(DataQuality dataQuality, FindingStore findings, CorrectionWorkbooks corrections,
            OutcomesProperties properties, @JobRound int round) {
        this.dataQuality = dataQuality;
        this.findings = findings;
        this.corrections = corrections;
        this.properties = properties;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Path out = OutputPublisher.staging(properties, round,
                chunkContext.getStepContext().getStepExecution().getJobExecutionId());

        long written;
        // streamed from the database in rejects.csv order: memory does not grow with the
        // number of findings; the corrections take theirs in the same pass
        // a finding another rejected row causes names that row, here and in the workbooks
        RootCauses causes = corrections.rootCauses(round);
        CorrectionWorkbooks.Collected forCorrections = corrections.collect(causes);
        try (CsvOutput.Rows rejects = CsvOutput.open(out.resolve("rejects.csv"), RejectsCsv.HEADER)) {
            findings.each(round, FindingFilter.NONE, stored -> {
                Finding f = causes.explained(stored);
                rejects.add(RejectsCsv.row(round, f, properties.locale()));
                forCorrections.accept(f);
            });
            written = rejects.count();
        }

        List<FileQuality> quality = dataQuality.quality(round);
        CsvOutput.write(out, CommitteeTables.dataQuality(round, quality));
        for (FileQuality q : quality) {
            log.info("{}: {} rows read, {} accepted, {} rejected, {} warned{}", q.sourceFile(), q.rowsRead(),
                    q.rowsAccepted(), q.rowsRejected(), q.rowsWarned(), q.unreadable() ? " — UNREADABLE" : "");
        }
        contribution.incrementWriteCount(written);
        // handed on to the committee step's manifest, instead of counting the findings
        // again
        chunkContext.getStepContext()
            .getStepExecution()
            .getJobExecution()
            .getExecutionContext()
            .putLong(REJECTS_WRITTEN, written);
        log.info("round {}: {} findings in rejects.csv", round, written);
        // before the gate (the next step): a round it stops is exactly when the centers
        // need them
        Map<String, Path> sent = corrections.write(out, round, forCorrections, quality);
        log.info("round {}: corrections for {}", round, sent.isEmpty() ? "nobody (no findings)" : sent.keySet());
        return RepeatStatus.FINISHED;
    }

}
