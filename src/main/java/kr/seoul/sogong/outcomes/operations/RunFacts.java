package kr.seoul.sogong.outcomes.operations;

import org.jspecify.annotations.Nullable;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Facts of each execution that the job repository does not keep: the findings it ended
 * with and its last heartbeat. {@code status} reads them per execution, so a failed run
 * shows its own counts, not those of the run that fixed it, and a killed run's duration
 * ends where its heartbeat stopped.
 */
@Component
public class RunFacts {

    private final JdbcTemplate jdbc;

    public RunFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final ThreadLocal<String> STARTED_BY = new ThreadLocal<>();

    /**
     * Who starts the runs this thread launches next (the launcher sets it around a start;
     * the job's listener records it with the execution); null clears it.
     */
    public void startedBy(@Nullable String user) {
        if (user == null) {
            STARTED_BY.remove();
        }
        else {
            STARTED_BY.set(user.length() > 100 ? user.substring(0, 100) : user);
        }
    }

    public void started(long executionId, int round) {
        jdbc.update("insert into run_facts (job_execution_id, round, heartbeat_at, started_by) values (?, ?, ?, ?)",
                executionId, round, now(), STARTED_BY.get());
    }

    /**
     * The round's running execution is alive: one run per round at a time, so it is the
     * round's newest.
     */
    public void beat(int round) {
        jdbc.update("update run_facts set heartbeat_at = ? where job_execution_id = (select max(job_execution_id)"
                + " from run_facts where round = ?)", now(), round);
    }

    public void ended(long executionId, long rejects, long warnings) {
        jdbc.update(
                "update run_facts set reject_count = ?, warn_count = ?, heartbeat_at = ? where job_execution_id = ?",
                rejects, warnings, now(), executionId);
    }

    /**
     * The last sign of life of an execution whose process is gone: its last heartbeat, or
     * the last update of one of its steps (a chunk commit), whichever is later; null when
     * nothing is known.
     */
    public @Nullable LocalDateTime lastSignOfLife(long executionId) {
        List<Timestamp> times = jdbc.queryForList("select max(t) from (select heartbeat_at t from run_facts where"
                + " job_execution_id = ? union all select last_updated t from batch_step_execution where"
                + " job_execution_id = ? union all select last_updated t from batch_job_execution where"
                + " job_execution_id = ?) signs", Timestamp.class, executionId, executionId, executionId);
        return times.isEmpty() || times.get(0) == null ? null : times.get(0).toLocalDateTime();
    }

    public void delete(long executionId) {
        jdbc.update("delete from run_facts where job_execution_id = ?", executionId);
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }

}
