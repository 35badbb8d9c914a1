package kr.seoul.sogong.outcomes.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.settings.RunParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Did it run?": each nightly round ({@code outcomes.nightly.rounds}, or every round
 * folder) has a completed run younger than the allowed age and no failed run after it. A
 * night the scheduler never started (a host down, a timer disabled, a CronJob suspended)
 * shows as LATE here, where no run of ours could report anything.
 */
@Component
public class NightlyCheck {

    /** The age a nightly round's last completed run may reach: a night and two hours. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(26);

    private static final String EXECUTIONS_NEWEST_FIRST = """
            select e.job_execution_id, e.status, e.end_time, e.exit_message
              from batch_job_execution e
              join batch_job_instance i on i.job_instance_id = e.job_instance_id and i.job_name = :job
             where exists (select 1 from batch_job_execution_params p
                            where p.job_execution_id = e.job_execution_id and p.parameter_name = 'round'
                              and p.parameter_value = :round)
             order by e.job_execution_id desc""";

    private final JdbcClient jdbc;

    private final NightlyRounds nightly;

    public NightlyCheck(JdbcClient jdbc, NightlyRounds nightly) {
        this.jdbc = jdbc;
        this.nightly = nightly;
    }

    /** What a round's check found. */
    public enum State {

        /** Completed within the allowed age, no failure since. */
        OK,
        /** No completed run within the allowed age (or none at all). */
        LATE,
        /** A run after the last completed one failed or was stopped. */
        FAILED

    }

    /**
     * One round's check.
     *
     * @param lastSuccess when its last completed run ended, or null
     */
    public record RoundCheck(int round, State state, @Nullable LocalDateTime lastSuccess, String line) {
    }

    private record Execution(long jobExecutionId, String status, @Nullable LocalDateTime endTime,
            @Nullable String exitMessage) {
    }

    /** The nightly rounds' checks, oldest round first. */
    public List<RoundCheck> check(Duration maxAge, LocalDateTime now) {
        List<RoundCheck> checks = new ArrayList<>();
        for (int round : nightly.rounds(LocalDate.from(now))) {
            checks.add(check(round, maxAge, now));
        }
        return checks;
    }

    /** Whether every check is OK; an empty list (no nightly round at all) is not. */
    public static boolean allOk(List<RoundCheck> checks) {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.state() == State.OK);
    }

    RoundCheck check(int round, Duration maxAge, LocalDateTime now) {
        List<Execution> executions = jdbc.sql(EXECUTIONS_NEWEST_FIRST)
            .param("job", RunParameters.JOB_NAME)
            .param("round", String.valueOf(round))
            .query(Execution.class)
            .list();
        Execution failed = null;
        for (Execution e : executions) {
            BatchStatus status = BatchStatus.valueOf(e.status());
            if (status == BatchStatus.COMPLETED && e.endTime() != null) {
                LocalDateTime end = e.endTime();
                String since = ago(Duration.between(end, now));
                if (failed != null) {
                    return new RoundCheck(round, State.FAILED, end,
                            String.format(
                                    "round %d: FAILED: execution %d ended %s after the last completed one"
                                            + " (execution %d, %s ago)%s",
                                    round, failed.jobExecutionId(), failed.status(), e.jobExecutionId(), since,
                                    firstLine(failed.exitMessage())));
                }
                if (Duration.between(end, now).compareTo(maxAge) > 0) {
                    return new RoundCheck(round, State.LATE, end, String.format(
                            "round %d: LATE: the last completed run (execution %d) ended %s ago," + " more than %s",
                            round, e.jobExecutionId(), since, ago(maxAge)));
                }
                return new RoundCheck(round, State.OK, end, String
                    .format("round %d: ok: completed %s ago (execution %d)", round, since, e.jobExecutionId()));
            }
            if (failed == null && (status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                    || status == BatchStatus.ABANDONED || status == BatchStatus.UNKNOWN)) {
                failed = e;
            }
        }
        if (failed != null) {
            return new RoundCheck(round, State.FAILED, null,
                    String.format("round %d: FAILED: execution %d ended %s and no run has completed%s", round,
                            failed.jobExecutionId(), failed.status(), firstLine(failed.exitMessage())));
        }
        return new RoundCheck(round, State.LATE, null,
                String.format("round %d: LATE: no run has completed (is the nightly job scheduled?)", round));
    }

    private static String firstLine(@Nullable String exitMessage) {
        if (exitMessage == null || exitMessage.isBlank()) {
            return "";
        }
        // Spring Batch keeps the stack trace: its first line, without the exception's
        // class
        String first = exitMessage.lines()
            .findFirst()
            .orElse("")
            .strip()
            .replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        return ": " + (first.length() > 200 ? first.substring(0, 200) + "…" : first);
    }

    private static String ago(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes >= 60 ? String.format("%dh%02dm", minutes / 60, minutes % 60) : minutes + "m";
    }

}
