package kr.seoul.sogong.outcomes.operations;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoul.sogong.outcomes.OutcomesJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import org.springframework.stereotype.Component;

/** {@code status}: recent executions with their counts, findings, duration, and what to do next. */
@Component
public class RunHistory {

    private static final int RECENT = 20;

    private final JobExplorer explorer;
    private final IntakeStore intake;
    private final RunLock runLock;

    public RunHistory(JobExplorer explorer, IntakeStore intake, RunLock runLock) {
        this.explorer = explorer;
        this.intake = intake;
        this.runLock = runLock;
    }

    /** One execution as the status table shows it. */
    public record Line(long executionId, int round, String runDate, long rerun, BatchStatus status, String exitCode,
            LocalDateTime start, Duration duration, long rowsRead, long rejects, long warnings, String next) {
    }

    public List<Line> recent(Integer roundFilter) {
        List<Line> lines = new ArrayList<>();
        // a round's findings are counted once however many of its executions are listed
        Map<Integer, long[]> findings = new HashMap<>();
        for (JobInstance instance : explorer.getJobInstances(OutcomesJobConfiguration.JOB_NAME, 0, 200)) {
            for (JobExecution e : explorer.getJobExecutions(instance)) {
                Long round = e.getJobParameters().getLong("round");
                if (round == null || (roundFilter != null && round.intValue() != roundFilter)) {
                    continue;
                }
                long[] counts = findings.computeIfAbsent(round.intValue(), r -> {
                    Map<Boolean, long[]> c = intake.findingCounts(r);
                    return new long[] {c.get(false)[0] + c.get(true)[0], c.get(false)[1] + c.get(true)[1]};
                });
                lines.add(line(e, round.intValue(), counts));
            }
        }
        lines.sort(Comparator.comparingLong(Line::executionId).reversed());
        return lines.size() > RECENT ? lines.subList(0, RECENT) : lines;
    }

    private Line line(JobExecution e, int round, long[] findings) {
        long read = e.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingestRows"))
                .mapToLong(StepExecution::getReadCount).sum();
        Duration duration = elapsed(e.getStartTime(), e.getEndTime());
        Long rerun = e.getJobParameters().getLong("rerun");
        String runDate = String.valueOf(e.getJobParameters().getLocalDate("runDate"));
        return new Line(e.getId(), round, runDate, rerun == null ? 0 : rerun, e.getStatus(),
                e.getExitStatus().getExitCode(), e.getStartTime(), duration, read,
                findings[0], findings[1], next(e, round, runDate));
    }

    private String next(JobExecution e, int round, String runDate) {
        String again = "run again: round=" + round + " runDate=" + runDate;
        return switch (e.getStatus()) {
            case COMPLETED -> "outputs in output/" + round;
            case FAILED -> failureHint(e) + again;
            case STOPPED -> "stopped on request; " + again + " to resume";
            case STARTED, STARTING, STOPPING -> {
                Optional<RunLock.Holder> holder = runLock.holder(round);
                yield holder.filter(runLock::isAlive)
                        .map(h -> "running: pid " + h.pid() + " on " + h.host())
                        .orElse("left running by a process that is gone; the next run recovers it");
            }
            default -> e.getStatus().toString();
        };
    }

    private static String failureHint(JobExecution e) {
        String description = e.getExitStatus().getExitDescription();
        if (description.contains("QualityGateException") || description.contains("quality gate")) {
            return "quality gate: see rejects.csv, fix or remove the file; ";
        }
        if (description.contains("centers.csv")) {
            return "fix centers.csv; ";
        }
        return "see the log; ";
    }

    public void print(Integer roundFilter) {
        print(recent(roundFilter), System.out);
    }

    static void print(List<Line> lines, PrintStream out) {
        if (lines.isEmpty()) {
            out.println("no runs yet");
            return;
        }
        out.printf("%-6s %-5s %-10s %-5s %-9s %-19s %9s %10s %8s %8s  %s%n", "exec", "round", "runDate", "rerun",
                "status", "started", "duration", "rows read", "rejects", "warnings", "next");
        for (Line l : lines) {
            out.printf("%-6d %-5d %-10s %-5d %-9s %-19s %9s %10d %8d %8d  %s%n", l.executionId(), l.round(),
                    l.runDate(), l.rerun(), l.status(), l.start() == null ? "" : l.start().withNano(0),
                    format(l.duration()), l.rowsRead(), l.rejects(), l.warnings(), l.next());
        }
    }

    /** From start to end, or to now while it runs; zero before it started. */
    static Duration elapsed(LocalDateTime start, LocalDateTime end) {
        return start == null ? Duration.ZERO : Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%d.%01ds", s, d.toMillisPart() / 100);
    }
}
