package kr.seoul.sogong.outcomes.quality;

import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.quality.DataQuality.FileQuality;
import kr.seoul.sogong.outcomes.settings.JobRound;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.FindingFilter;
import kr.seoul.sogong.outcomes.store.FindingStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * The quality gate, a step of its own after the findings are written (so the operator has
 * rejects.csv and the centers their corrections when it stops the round): a file that is
 * UNREADABLE, whose REJECT rows exceed {@code outcomes.max-reject-rate} of its data rows,
 * or a center's sheet that comes from two files, fails the job naming each.
 */
@Component
@StepScope
public class QualityGateTasklet implements Tasklet {

    private final DataQuality dataQuality;

    private final FindingStore findings;

    private final OutcomesProperties properties;

    private final int round;

    public QualityGateTasklet(DataQuality dataQuality, FindingStore findings, OutcomesProperties properties,
            @JobRound int round) {
        this.dataQuality = dataQuality;
        this.findings = findings;
        this.properties = properties;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Finding> twoSources = findings.page(round, new FindingFilter(null, null, Rule.TWO_SOURCES, null), 0, 20);
        List<String> failures = new ArrayList<>();
        for (Finding f : twoSources) {
            List<String> a = f.message().args();
            failures.add(String.format("%s's %s rows come from two files, %s and %s (keep one)", a.get(0), a.get(1),
                    a.get(2), a.get(3)));
        }
        for (FileQuality q : dataQuality.quality(round)) {
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
        return RepeatStatus.FINISHED;
    }

}
