package kr.seoul.sogong.outcomes.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run per round at a time, across processes and hosts, through a row of
 * {@code run_lock} (inserting it is atomic in any database).
 *
 * <p>
 * The stale rule: the holder is gone when it ran on this host and its pid is no longer
 * alive, or, from another host, when its heartbeat is older than
 * {@code outcomes.stale-after} (the holder beats every {@link #HEARTBEAT}). A gone
 * holder's row is taken over, and its executions left STARTED are recovered by
 * {@link StaleExecutionRecovery}.
 */
@Component
public class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    public static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** Who holds a round. */
    public record Holder(String host, long pid, LocalDateTime acquiredAt, LocalDateTime heartbeatAt) {
    }

    private final JdbcTemplate jdbc;

    private final Duration staleAfter;

    private final String host = hostName();

    private final long pid = ProcessHandle.current().pid();

    public RunLock(JdbcTemplate jdbc, kr.seoul.sogong.outcomes.settings.OutcomesProperties properties) {
        this.jdbc = jdbc;
        this.staleAfter = properties.staleAfter();
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** Takes the round, or returns the live holder that keeps it. */
    public Optional<Holder> acquire(int round) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now());
                jdbc.update("insert into run_lock (round, host, pid, acquired_at, heartbeat_at) values (?,?,?,?,?)",
                        round, host, pid, now, now);
                return Optional.empty();
            }
            catch (DataIntegrityViolationException taken) {
                Optional<Holder> holder = holder(round);
                if (holder.isEmpty()) {
                    // released meanwhile
                    continue;
                }
                if (isAlive(holder.get())) {
                    return holder;
                }
                Holder gone = holder.get();
                log.warn("round {} was held by pid {} on {} (last heartbeat {}), which is gone: taking over", round,
                        gone.pid(), gone.host(), gone.heartbeatAt());
                jdbc.update("delete from run_lock where round = ? and host = ? and pid = ?", round, gone.host(),
                        gone.pid());
            }
        }
        throw new IllegalStateException("could not take the run lock of round " + round);
    }

    public Optional<Holder> holder(int round) {
        List<Holder> rows = jdbc.query("select * from run_lock where round = ?",
                (rs, i) -> new Holder(rs.getString("host"), rs.getLong("pid"),
                        rs.getTimestamp("acquired_at").toLocalDateTime(),
                        rs.getTimestamp("heartbeat_at").toLocalDateTime()),
                round);
        return rows.stream().findFirst();
    }

    boolean isAlive(Holder h) {
        if (h.host().equals(host)) {
            return h.pid() == pid || ProcessHandle.of(h.pid()).map(ProcessHandle::isAlive).orElse(false);
        }
        return h.heartbeatAt().isAfter(LocalDateTime.now().minus(staleAfter));
    }

    public void heartbeat(int round) {
        jdbc.update("update run_lock set heartbeat_at = ? where round = ? and host = ? and pid = ?",
                Timestamp.valueOf(LocalDateTime.now()), round, host, pid);
    }

    public void release(int round) {
        jdbc.update("delete from run_lock where round = ? and host = ? and pid = ?", round, host, pid);
    }

}
