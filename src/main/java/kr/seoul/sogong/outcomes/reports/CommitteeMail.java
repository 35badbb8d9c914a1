package kr.seoul.sogong.outcomes.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kr.seoul.sogong.outcomes.corrections.MailLog;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.mail.Letter;
import kr.seoul.sogong.outcomes.mail.Outbox;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The committee's pack by mail ({@code outcomes.committee.mail-to}): after a completed
 * run whose tables changed since the pack last sent to an address, the workbook and the
 * printable page. "Changed" is by the tables' own bytes (the CSVs), not the workbook's,
 * which carry when they were made.
 */
@Component
public class CommitteeMail {

    private static final Logger log = LoggerFactory.getLogger(CommitteeMail.class);

    /** The tables whose change sends the pack again. */
    private static final List<String> TABLES = CommitteeFiles.NAMES.stream()
        .filter(n -> n.endsWith(".csv"))
        .sorted()
        .toList();

    private final OutcomesProperties properties;

    private final List<String> mailTo;

    private final MailLog mailLog;

    private final Outbox outbox;

    public CommitteeMail(OutcomesProperties properties, @Value("${outcomes.committee.mail-to:}") List<String> mailTo,
            MailLog mailLog, Outbox outbox) {
        this.properties = properties;
        this.mailTo = mailTo.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        this.mailLog = mailLog;
        this.outbox = outbox;
    }

    @EventListener
    public void runEnded(RoundRunEnded ended) {
        if (mailTo.isEmpty() || ended.end() != RoundRunEnded.End.COMPLETED) {
            return;
        }
        int round = ended.round();
        try {
            Path out = properties.roundOutput(round);
            String tables = tablesSha256(out);
            Path workbook = out.resolve(CommitteeFiles.WORKBOOK);
            Letter letter = null;
            for (String address : mailTo) {
                if (mailLog.sentAt(address, tables).isPresent()) {
                    continue;
                }
                if (letter == null) {
                    letter = letter(round, out);
                }
                Letter to = new Letter(List.of(address), letter.subject(), letter.text(), letter.attachments());
                String messageId = outbox.send(to);
                mailLog.record(round, MailLog.Kind.COMMITTEE, ended.executionId(), new MailLog.Sent("COMMITTEE",
                        address, CommitteeFiles.WORKBOOK, tables, 0, LocalDateTime.now(), messageId));
                log.info("round {}: the committee's pack sent to {}", round, address);
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("round {}: the committee's pack could not be mailed: {}", round, Outbox.why(e));
        }
    }

    private static Letter letter(int round, Path out) {
        String subject = String.format("[소공인 성과표] %d년 성과표 (위원회 자료)", round);
        String text = String.format(
                "위원님께,%n%n서울시 소공인 지원사업 %d년 성과표가 새로 집계되어 보내 드립니다"
                        + " (지난번에 보낸 자료 이후 표가 바뀌었습니다).%n%n첨부:%n- %s: 성과표 통합문서 (표마다 한 시트)%n"
                        + "- %s: 인쇄용 페이지 (브라우저에서 열어 인쇄)%n%n이 메일은 자동으로 보냈습니다. 표가 바뀔 때에만 다시 보냅니다.%n",
                round, CommitteeFiles.WORKBOOK, CommitteeFiles.PAGE);
        return new Letter(List.of(), subject, text,
                List.of(out.resolve(CommitteeFiles.WORKBOOK), out.resolve(CommitteeFiles.PAGE)));
    }

    /** One sha256 over the tables' names and sha256s. */
    static String tablesSha256(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String table : TABLES) {
            Path file = out.resolve(table);
            if (Files.exists(file)) {
                lines.add(table + " " + SourceFiles.sha256(file));
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
