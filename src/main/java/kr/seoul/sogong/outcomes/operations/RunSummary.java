package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.reports.OutputPublisher;

/**
 * At the end of a run: a table per step, the findings by severity, the metrics totals,
 * where the outputs are.
 */
public class RunSummary implements JobExecutionListener, StepExecutionListener {

    /**
     * In the job's execution context: the round's findings of single rows as the ingest
     * began (after admission forgot those of changed files), so the summary names this
     * run's, not the round's.
     */
    private static final String REJECTS_BEFORE_INGEST = "summary.rejectsBeforeIngest";

    private static final String WARNINGS_BEFORE_INGEST = "summary.warningsBeforeIngest";

    private static final Logger log = LoggerFactory.getLogger(RunSummary.class);

    private final FindingStore findings;

    private final MeterRegistry meters;

    private final RunFacts facts;

    public RunSummary(FindingStore findings, MeterRegistry meters, RunFacts facts) {
        this.findings = findings;
        this.meters = meters;
        this.facts = facts;
    }

    /** The timers as each running execution began, by execution. */
    private final Map<Long, Map<String, TimerTotal>> atStart = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        atStart.put(execution.getId(), timerTotals());
        Integer round = RunParameters.round(execution.getJobParameters());
        if (round != null) {
            facts.started(execution.getId(), round.intValue());
        }
    }

    @Override
    public void beforeStep(StepExecution step) {
        Integer round = RunParameters.round(step.getJobParameters());
        if (round != null) {
            FindingStore.FindingCount before = findings.counts(round).singleRow();
            step.getJobExecution().getExecutionContext().putLong(REJECTS_BEFORE_INGEST, before.rejects());
            step.getJobExecution().getExecutionContext().putLong(WARNINGS_BEFORE_INGEST, before.warnings());
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        Integer round = RunParameters.round(execution.getJobParameters());
        StringBuilder table = new StringBuilder(String.format("run summary, round %d, execution %d: %s%n", round,
                execution.getId(), execution.getStatus()));
        // findings by the step that found them: single-row rules in ingestRows, the
        // others in crossRowRules
        Map<String, FindingStore.FindingCount> bySource = new HashMap<>();
        FindingStore.FindingCounts counts = round == null ? null : findings.counts(round);
        if (counts != null) {
            var context = execution.getExecutionContext();
            if (context.containsKey(REJECTS_BEFORE_INGEST)) {
                // what this run's ingest found: the rows it read, not the round's
                bySource.put("ingestRows",
                        new FindingStore.FindingCount(
                                counts.singleRow().rejects() - context.getLong(REJECTS_BEFORE_INGEST),
                                counts.singleRow().warnings() - context.getLong(WARNINGS_BEFORE_INGEST)));
            }
            // the rules across rows judge the whole round again on every run
            bySource.put("crossRowRules", counts.crossRow());
        }
        table.append(String.format("  %-26s %-10s %10s %10s %8s %8s %9s%n", "step", "status", "read", "written",
                "REJECT", "WARN", "duration"));
        for (StepExecution s : execution.getStepExecutions()) {
            Duration d = RunHistory.elapsed(s.getStartTime(), s.getEndTime());
            FindingStore.FindingCount f = bySource.get(s.getStepName());
            table.append(String.format("  %-26s %-10s %,10d %,10d %8s %8s %9s%n", s.getStepName(), s.getStatus(),
                    s.getReadCount(), s.getWriteCount(), f == null ? "" : f.rejects(), f == null ? "" : f.warnings(),
                    RunHistory.format(d)));
        }
        if (counts != null) {
            long rejects = counts.total().rejects();
            long warnings = counts.total().warnings();
            // what status shows for this execution, for good
            facts.ended(execution.getId(), rejects, warnings);
            // only what this run wrote is named: a run that failed before the findings
            // step published nothing
            Object published = execution.getExecutionContext().get(OutputPublisher.PUBLISHED);
            table.append(
                    String.format("  the round's findings: %d REJECT, %d WARN%s%n", rejects, warnings, published != null
                            ? " (rejects.csv)" : " (no rejects.csv written: the run ended before the findings step)"));
            if (published != null) {
                table.append("  outputs: ").append(published).append(System.lineSeparator());
            }
        }
        // this run's, not the JVM's: nightly runs its rounds one after another in one JVM
        Map<String, TimerTotal> before = atStart.remove(execution.getId());
        timerTotals().forEach((name, total) -> {
            TimerTotal own = total.minus(before == null ? null : before.get(name));
            if (own.count() > 0) {
                table.append(String.format("  metric %s: %d x %.2fs%n", name, own.count(), own.seconds()));
            }
        });
        log.info(table.toString().stripTrailing());
    }

    /** Adds two "n x t s" totals of the same timer with different tags. */
    /** A timer's count and total time, summed over its tags. */
    private record TimerTotal(long count, double seconds) {

        TimerTotal plus(TimerTotal other) {
            return new TimerTotal(count + other.count, seconds + other.seconds);
        }

        TimerTotal minus(@org.jspecify.annotations.Nullable TimerTotal earlier) {
            return earlier == null ? this : new TimerTotal(count - earlier.count, seconds - earlier.seconds);
        }

    }

    /** The batch's and the ingest's timers, by name. */
    private Map<String, TimerTotal> timerTotals() {
        Map<String, TimerTotal> totals = new TreeMap<>();
        meters.getMeters()
            .stream()
            .filter(m -> m.getId().getName().startsWith("spring.batch")
                    || m.getId().getName().startsWith("outcomes.ingest"))
            .forEach(m -> {
                if (m instanceof Timer t) {
                    totals.merge(m.getId().getName(), new TimerTotal(t.count(), t.totalTime(TimeUnit.SECONDS)),
                            TimerTotal::plus);
                }
            });
        return totals;
    }

}
