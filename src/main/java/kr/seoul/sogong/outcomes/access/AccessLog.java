package kr.seoul.sogong.outcomes.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The access record (접속기록): the owner of {@code access_record}. */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private static final String INSERT = "insert into access_record (at, user_name, address, kind, target, reason,"
            + " status) values (:at, :userName, :address, :kind, :target, :reason, :status)";

    private static final String SELECT = "select at, user_name, address, kind, target, reason, status"
            + " from access_record where at >= :from and at < :to and (:user = '' or user_name = :user)"
            + " order by at desc, id desc";

    private static final String NEWEST = SELECT + " fetch first :limit rows only";

    private static final String PURGE = "delete from access_record where at < :before";

    private final JdbcClient jdbc;

    private final AccessSettings settings;

    public AccessLog(JdbcClient jdbc, AccessSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Records an access; a record that cannot be written is a WARN, never a refused page.
     */
    public void record(AccessKind kind, String user, String address, String target, @Nullable String reason,
            int status) {
        try {
            jdbc.sql(INSERT)
                .param("at", LocalDateTime.now())
                .param("userName", cut(user, 200))
                .param("address", cut(address, 100))
                .param("kind", kind.name())
                .param("target", cut(target, 1000))
                .param("reason", reason == null || reason.isBlank() ? null : cut(reason.strip(), 500))
                .param("status", status)
                .update();
        }
        catch (RuntimeException e) {
            log.warn("console: the access record of {} {} by {} could not be written: {}", kind, target, user,
                    e.getMessage());
        }
    }

    /**
     * The newest {@code limit} records from one day to another (exclusive), a user's or
     * everyone's.
     */
    public List<AccessRecord> newest(LocalDate from, LocalDate to, String user, int limit) {
        return jdbc.sql(NEWEST)
            .param("from", from.atStartOfDay())
            .param("to", to.atStartOfDay())
            .param("user", user)
            .param("limit", limit)
            .query(AccessRecord.class)
            .list();
    }

    /**
     * Every record from one day to another (exclusive), a user's or everyone's, newest
     * first, one at a time.
     */
    public void each(LocalDate from, LocalDate to, String user, Consumer<AccessRecord> record) {
        RowMapper<AccessRecord> rows = new DataClassRowMapper<>(AccessRecord.class);
        jdbc.sql(SELECT)
            .param("from", from.atStartOfDay())
            .param("to", to.atStartOfDay())
            .param("user", user)
            .query((RowCallbackHandler) rs -> record.accept(rows.mapRow(rs, 0)));
    }

    /** Deletes the records older than the retention; returns how many. */
    public int purge(LocalDateTime now) {
        int purged = jdbc.sql(PURGE).param("before", now.minus(settings.retention())).update();
        if (purged > 0) {
            log.info("access records older than {} purged: {}", settings.retention(), purged);
        }
        return purged;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
