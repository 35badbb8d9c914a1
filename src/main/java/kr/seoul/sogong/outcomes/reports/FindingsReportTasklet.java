package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import kr.seoul.sogong.outcomes.quality.QualityGateException;
import kr.seoul.sogong.outcomes.corrections.CorrectionWorkbooks;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.quality.DataQuality;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Writes {@code rejects.csv} and {@code data_quality.csv}, then applies the quality gate:
 * a file that is UNREADABLE, or whose REJECT rows exceed {@code outcomes.max-reject-rate}
 * of its data rows, fails the job — after the findings are written, so the operator can
 * fix the file and rerun.
 */
@Component
@StepScope
public class FindingsReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FindingsReportTasklet.class);

    public static final List<String> REJECTS_HEADER = List.of("round", "source_file", "sheet", "row_number", "field",
            "value", "rule", "severity", "message");

    private final DataQuality dataQuality;

    private final OutcomesProperties properties;

    private final int round;

    /**
     * In the job's execution context: the number of rows this run wrote to rejects.csv.
     */
    static final String REJECTS_WRITTEN = "rejects.written";

    private final CorrectionWorkbooks corrections;

    public FindingsReportTasklet(DataQuality dataQuality, CorrectionWorkbooks corrections,
            OutcomesProperties properties, @JobRound int round) {
        this.dataQuality = dataQuality;
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
        CorrectionWorkbooks.Collected forCorrections = corrections.collect();
        try (CsvOutput.Rows rejects = CsvOutput.open(out.resolve("rejects.csv"), REJECTS_HEADER)) {
            dataQuality.eachFinding(round, f -> {
                rejects.add(rejectsRow(round, f, properties.locale()));
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
        // before the gate: a round it stops is exactly when the centers need them
        Map<String, Path> sent = corrections.write(out, round, forCorrections, quality);
        log.info("round {}: corrections for {}", round, sent.isEmpty() ? "nobody (no findings)" : sent.keySet());
        gate(quality, dataQuality.findings(round,
                new DataQuality.FindingFilter(null, null, kr.seoul.sogong.outcomes.findings.Rule.TWO_SOURCES, null), 0,
                20));
        return RepeatStatus.FINISHED;
    }

    /** A finding as a row of rejects.csv, its message in the given language. */
    public static List<String> rejectsRow(int round, Finding f, java.util.Locale locale) {
        return List.of(String.valueOf(round), f.sourceFile(), f.sheet(),
                f.rowNumber() == null ? "" : f.rowNumber().toString(), f.field(), f.value(), f.rule().name(),
                f.severity().name(), f.message().render(locale));
    }

    private void gate(List<FileQuality> quality, List<Finding> twoSources) {
        List<String> failures = new ArrayList<>();
        for (Finding f : twoSources) {
            List<String> a = f.message().args();
            failures.add(String.format("%s's %s rows come from two files, %s and %s (keep one)", a.get(0), a.get(1),
                    a.get(2), a.get(3)));
        }
        for (FileQuality q : quality) {
            if (q.unreadable()) {
                failures.add(q.sourceFile() + " is UNREADABLE (see rejects.csv)");
            }
            else if (q.blocksGate(properties.maxRejectRate())) {
                failures.add(String.format("%s rejects %d of %d rows (%.1f%%, over the %.1f%% allowed)", q.sourceFile(),
                        q.rowsRejected(), q.rowsRead(), 100.0 * q.rowsRejected() / q.rowsRead(),
                        100 * properties.maxRejectRate()));
            }
        }
        if (!failures.isEmpty()) {
            throw new QualityGateException("quality gate: " + String.join("; ", failures)
                    + ". Fix or remove the file and run the same command again.");
        }
    }

}
