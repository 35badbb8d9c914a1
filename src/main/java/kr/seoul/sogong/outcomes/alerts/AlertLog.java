package kr.seoul.sogong.outcomes.alerts;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The alerts told, one row per channel: the owner of {@code alert_log}. */
@Component
public class AlertLog {

    private static final String INSERT = "insert into alert_log (round, kind, job_execution_id, channel, sent_at,"
            + " delivered, detail) values (:round, :kind, :execution, :channel, :sentAt, :delivered, :detail)";

    private static final String DELIVERED_SINCE = "select count(*) from alert_log where round = :round"
            + " and kind = :kind and delivered = true and sent_at >= :since";

    private static final String LAST_DELIVERED = "select kind from alert_log where round = :round"
            + " and delivered = true order by sent_at desc, id desc fetch first 1 rows only";

    private final JdbcClient jdbc;

    public AlertLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channels an alert goes by. */
    enum Channel {

        MAIL, WEBHOOK

    }

    void record(Alert alert, Channel channel, boolean delivered, @Nullable String detail) {
        jdbc.sql(INSERT)
            .param("round", alert.round())
            .param("kind", alert.kind().name())
            .param("execution", alert.executionId())
            .param("channel", channel.name())
            .param("sentAt", LocalDateTime.now())
            .param("delivered", delivered)
            .param("detail", detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
            .update();
    }

    /** Whether the round was told {@code kind} since then. */
    boolean toldSince(int round, AlertKind kind, LocalDateTime since) {
        return jdbc.sql(DELIVERED_SINCE)
            .param("round", round)
            .param("kind", kind.name())
            .param("since", since)
            .query(Long.class)
            .single() > 0;
    }

    /** What the round was last told, if anything. */
    Optional<AlertKind> lastTold(int round) {
        // a list, not a stream: JdbcClient's stream holds its connection until closed
        return jdbc.sql(LAST_DELIVERED)
            .param("round", round)
            .query(String.class)
            .list()
            .stream()
            .findFirst()
            .map(AlertKind::valueOf);
    }

}
