package kr.seoul.sogong.outcomes.corrections;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workbooks mailed, one row per address — the centers' corrections, the committee's
 * pack: the owner of {@code mail_log}. A workbook (by its sha256) goes to an address
 * once.
 */
@Component
public class MailLog {

    private static final String INSERT = "insert into mail_log (round, kind, job_execution_id, recipient, address,"
            + " workbook, workbook_sha256, rows_to_fix, sent_at, message_id) values (:round, :kind, :execution,"
            + " :recipient, :address, :workbook, :sha256, :rows, :sentAt, :messageId)";

    private static final String SENT_AT = "select sent_at from mail_log where address = :address"
            + " and workbook_sha256 = :sha256";

    private static final String OF_ROUND = "select recipient, address, workbook, workbook_sha256, rows_to_fix,"
            + " sent_at, message_id from mail_log where round = :round order by sent_at desc, id desc";

    /** What a mail carried. */
    public enum Kind {

        CORRECTIONS,
        /**
         * The committee's pack; its {@code workbook_sha256} is that of its tables (the
         * CSVs), since the workbook's bytes carry when it was made.
         */
        COMMITTEE

    }

    /** One workbook mailed to one address. */
    public record Sent(String recipient, String address, String workbook, String workbookSha256, int rowsToFix,
            LocalDateTime sentAt, String messageId) {
    }

    private final JdbcClient jdbc;

    public MailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(int round, Kind kind, @Nullable Long executionId, Sent sent) {
        jdbc.sql(INSERT)
            .param("round", round)
            .param("kind", kind.name())
            .param("execution", executionId)
            .param("recipient", sent.recipient())
            .param("address", sent.address())
            .param("workbook", sent.workbook())
            .param("sha256", sent.workbookSha256())
            .param("rows", sent.rowsToFix())
            .param("sentAt", sent.sentAt())
            .param("messageId", sent.messageId())
            .update();
    }

    /** When this workbook went to this address, if it did. */
    public Optional<LocalDateTime> sentAt(String address, String sha256) {
        return jdbc.sql(SENT_AT)
            .param("address", address)
            .param("sha256", sha256)
            .query(LocalDateTime.class)
            .optional();
    }

    /**
     * Forgets the round's mails (their addresses) when its retention ends; returns how
     * many.
     */
    public int forgetRound(int round) {
        return jdbc.sql("delete from mail_log where round = :round").param("round", round).update();
    }

    /**
     * What was mailed for the round, newest first: the console's report page shows it.
     */
    public List<Sent> ofRound(int round) {
        return jdbc.sql(OF_ROUND).param("round", round).query(Sent.class).list();
    }

}
