package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code status}: recent executions with their counts, findings, duration, and what to do
 * next.
 */
@Component
public class RunHistory {

    private static final int RECENT = 20;

    /**
     * One query over the job repository's tables and run_facts: the newest executions
     * with their parameters, rows read and the findings each ended with. (Through
     * JobExplorer it loaded every instance, execution, step and context: about 19 s for a
     * few hundred executions.)
     */
    private static final String RECENT_EXECUTIONS = """
            select e.job_execution_id, e.status, e.exit_code, e.exit_message, e.start_time, e.end_time,
                   (select p.parameter_value from batch_job_execution_params p
                     where p.job_execution_id = e.job_execution_id and p.parameter_name = 'round') as round_value,
                   (select p.parameter_value from batch_job_execution_params p
                     where p.job_execution_id = e.job_execution_id and p.parameter_name = 'runDate') as run_date,
                   (select p.parameter_value from batch_job_execution_params p
                     where p.job_execution_id = e.job_execution_id and p.parameter_name = 'rerun') as rerun,
                   (select sum(s.read_count) from batch_step_execution s
                     where s.job_execution_id = e.job_execution_id and s.step_name = 'ingestRows') as rows_read,
                   f.reject_count, f.warn_count, f.started_by,
                   (select min(n.job_execution_id) from batch_job_execution n
                     where n.job_instance_id = e.job_instance_id and n.job_execution_id > e.job_execution_id)
                       as resumed_by
              from batch_job_execution e
              join batch_job_instance i on i.job_instance_id = e.job_instance_id and i.job_name = ?
              left join run_facts f on f.job_execution_id = e.job_execution_id
             %s
             order by e.job_execution_id desc
             limit ?
            """;

    private static final String ROUND_FILTER = """
            where exists (select 1 from batch_job_execution_params p
                     where p.job_execution_id = e.job_execution_id and p.parameter_name = 'round'
                       and p.parameter_value = ?)""";

    private final JdbcTemplate jdbc;

    private final RunLock runLock;

    private final RunFacts facts;

    /** The application's messages: the next step in English for status. */
    private final org.springframework.context.MessageSource messages;

    public RunHistory(JdbcTemplate jdbc, RunLock runLock, RunFacts facts,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.runLock = runLock;
        this.facts = facts;
    }

    /**
     * One execution as the status table shows it; {@code rejects}/{@code warnings} are
     * null when the execution recorded none (it ended before the job could count them).
     */
    public record Line(long executionId, int round, String runDate, long rerun, BatchStatus status, String exitCode,
            @Nullable LocalDateTime start, Duration duration, long rowsRead, @Nullable Long rejects,
            @Nullable Long warnings, NextStep advice, String next, @Nullable String startedBy) {
    }

    /**
     * What to do next about an execution, as a message key ({@code next.*} in
     * messages.properties, Korean in messages_ko.properties) and its values: the console
     * says it in the reader's language, {@code status} in English.
     */
    public record NextStep(String key, List<String> args) {

        static NextStep of(String key, Object... args) {
            return new NextStep(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        /** The values, for a template's {@code #messages.msgWithParams}. */
        public Object[] values() {
            return args.toArray();
        }

    }

    public List<Line> recent(@Nullable Integer roundFilter) {
        List<Object> args = new java.util.ArrayList<>(List.of(RunParameters.JOB_NAME));
        if (roundFilter != null) {
            args.add(String.valueOf(roundFilter));
        }
        args.add(RECENT);
        String sql = RECENT_EXECUTIONS.formatted(roundFilter == null ? "" : ROUND_FILTER);
        return jdbc.query(sql, (rs, i) -> {
            BatchStatus status = BatchStatus.valueOf(rs.getString("status"));
            int r = Integer.parseInt(rs.getString("round_value"));
            String runDate = rs.getString("run_date");
            LocalDateTime start = toLocal(rs.getTimestamp("start_time"));
            LocalDateTime end = toLocal(rs.getTimestamp("end_time"));
            long id = rs.getLong("job_execution_id");
            long resumedBy = rs.getLong("resumed_by");
            NextStep next = resumedBy > 0 && !status.isRunning() && status != BatchStatus.COMPLETED
                    ? NextStep.of("next.resumed", resumedBy) : next(status, rs.getString("exit_message"), r, runDate);
            if (end == null && status.isRunning() && next.key().equals(GONE)) {
                // a killed run's time stopped with its last heartbeat
                end = facts.lastSignOfLife(id);
            }
            String rerun = rs.getString("rerun");
            return new Line(id, r, runDate, rerun == null ? 0 : Long.parseLong(rerun), status,
                    rs.getString("exit_code"), start, elapsed(start, end), rs.getLong("rows_read"),
                    (Long) rs.getObject("reject_count", Long.class), (Long) rs.getObject("warn_count", Long.class),
                    next, messages.getMessage(next.key(), next.values(), java.util.Locale.ROOT),
                    rs.getString("started_by"));
        }, args.toArray());
    }

    private static @Nullable LocalDateTime toLocal(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    private static final String GONE = "next.gone";

    private NextStep next(BatchStatus status, @Nullable String exitDescription, int round, String runDate) {
        return switch (status) {
            case COMPLETED -> NextStep.of("next.completed", round);
            case FAILED -> NextStep.of(failureHint(exitDescription == null ? "" : exitDescription), round, runDate);
            case STOPPED -> NextStep.of("next.stopped", round, runDate);
            case STARTED, STARTING, STOPPING -> {
                Optional<RunLock.Holder> holder = runLock.holder(round);
                yield holder.filter(runLock::isAlive)
                    .map(h -> NextStep.of("next.running", h.pid(), h.host()))
                    .orElse(NextStep.of(GONE));
            }
            default -> NextStep.of("next.other", status);
        };
    }

    private static String failureHint(String description) {
        if (description.contains("QualityGateException") || description.contains("quality gate")) {
            return "next.failed.gate";
        }
        if (description.contains("centers.csv")) {
            return "next.failed.centers";
        }
        return "next.failed";
    }

    public void print(@Nullable Integer roundFilter) {
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
            out.printf("%-6d %-5d %-10s %-5d %-9s %-19s %9s %10d %8s %8s  %s%n", l.executionId(), l.round(),
                    l.runDate(), l.rerun(), l.status(), l.start() == null ? "" : l.start().withNano(0),
                    format(l.duration()), l.rowsRead(), l.rejects() == null ? "-" : l.rejects(),
                    l.warnings() == null ? "-" : l.warnings(), l.next());
        }
    }

    /** From start to end, or to now while it runs; zero before it started. */
    static Duration elapsed(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
        return start == null ? Duration.ZERO : Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : s >= 60
                ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%d.%01ds", s, d.toMillisPart() / 100);
    }

}
