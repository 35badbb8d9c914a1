package kr.seoul.sogong.outcomes.corrections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.mail.Letter;
import kr.seoul.sogong.outcomes.mail.Outbox;
import kr.seoul.sogong.outcomes.settings.RoundRunEnded;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails each center its own correction workbook and nothing else — to the addresses of
 * its {@code contact_email} in centers.csv — and {@code _unassigned.xlsx} to the agency,
 * each with a short Korean letter: what the workbook is, how many items to fix, and by
 * when the nightly run reads the files again. {@code mail_log} keeps each sending; the
 * same workbook (by sha256) never goes to the same address twice, so a nightly rerun on
 * unchanged findings mails nobody. By {@code mail-corrections round=<yyyy> [--dry-run]},
 * or after each run with {@code outcomes.corrections.mail=auto}.
 */
@Component
public class CorrectionMail {

    private static final Logger log = LoggerFactory.getLogger(CorrectionMail.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OutcomesProperties properties;

    private final CorrectionMailSettings settings;

    private final IntakeStore intake;

    private final MailLog mailLog;

    private final Outbox outbox;

    public CorrectionMail(OutcomesProperties properties, CorrectionMailSettings settings, IntakeStore intake,
            MailLog mailLog, Outbox outbox) {
        this.properties = properties;
        this.settings = settings;
        this.intake = intake;
        this.mailLog = mailLog;
        this.outbox = outbox;
    }

    /**
     * One workbook to send: to whom (a center's code, or {@code _unassigned}), its file,
     * its sha256, how many items it asks to fix, the addresses, and why it cannot go (no
     * address), if so.
     */
    public record Delivery(String recipient, String recipientName, Path workbook, String sha256, int rowsToFix,
            List<String> addresses, @Nullable String problem) {
    }

    /** The round's correction workbooks as they would be mailed now. */
    public List<Delivery> plan(int round) throws IOException {
        Path dir = properties.roundOutput(round).resolve("corrections");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, Center> centers = intake.centers(round)
            .stream()
            .collect(Collectors.toMap(Center::code, Function.identity()));
        List<Delivery> deliveries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).sorted().toList()) {
                String name = file.getFileName().toString();
                String recipient = name.substring(0, name.length() - ".xlsx".length());
                boolean agency = recipient.equals(CorrectionWorkbooks.UNASSIGNED);
                Center center = centers.get(recipient);
                List<String> addresses = agency ? settings.agencyMail()
                        : center == null ? List.of() : center.contactEmails();
                String problem = null;
                if (addresses.isEmpty()) {
                    problem = agency ? "no outcomes.corrections.agency-mail" : center == null
                            ? "no such center in the round's centers.csv" : "no contact_email for it in centers.csv";
                }
                deliveries.add(new Delivery(recipient, agency ? "사업 담당 기관" : center == null ? recipient : center.name(),
                        file, SourceFiles.sha256(file), rowsToFix(file), addresses, problem));
            }
        }
        return deliveries;
    }

    /**
     * Mails what has not gone to its addresses yet (or, in a dry run, says who would get
     * what); one line per workbook and address on {@code out}. Returns the exit code: 1
     * when a letter could not be sent.
     */
    public int send(int round, boolean dryRun, PrintStream out) throws IOException {
        if (!dryRun && !outbox.configured()) {
            out.println("no mail server is configured (spring.mail.host): nothing sent; --dry-run shows who would"
                    + " get what");
            return ExitCodes.FAILED;
        }
        List<Delivery> deliveries = plan(round);
        if (deliveries.isEmpty()) {
            out.println("round " + round + ": no correction workbook in output/" + round + "/corrections");
            return ExitCodes.COMPLETED;
        }
        Long executionId = executionOf(round);
        int code = ExitCodes.COMPLETED;
        for (Delivery d : deliveries) {
            String what = d.recipient() + " (" + d.recipientName() + "): " + d.workbook().getFileName() + ", "
                    + d.rowsToFix() + " item(s)";
            if (d.problem() != null) {
                out.println(what + ": not sent: " + d.problem());
                log.warn("round {}: {}'s correction workbook is not mailed: {}", round, d.recipient(), d.problem());
                continue;
            }
            for (String address : d.addresses()) {
                Optional<LocalDateTime> sent = mailLog.sentAt(address, d.sha256());
                if (sent.isPresent()) {
                    out.println(what + " -> " + address + ": already sent " + WHEN.format(sent.get()));
                    continue;
                }
                if (dryRun) {
                    out.println(what + " -> " + address + ": would send");
                    continue;
                }
                try {
                    String messageId = outbox.send(letter(round, d, address));
                    mailLog.record(round, MailLog.Kind.CORRECTIONS, executionId,
                            new MailLog.Sent(d.recipient(), address, d.workbook().getFileName().toString(), d.sha256(),
                                    d.rowsToFix(), LocalDateTime.now(), messageId));
                    out.println(what + " -> " + address + ": sent " + messageId);
                    log.info("round {}: {}'s correction workbook sent to {}", round, d.recipient(), address);
                }
                catch (RuntimeException e) {
                    code = ExitCodes.FAILED;
                    String why = Outbox.why(e);
                    out.println(what + " -> " + address + ": NOT SENT: " + why);
                    log.warn("round {}: {}'s correction workbook could not be sent to {}: {}", round, d.recipient(),
                            address, why);
                }
            }
        }
        return code;
    }

    /**
     * With {@code outcomes.corrections.mail=auto}: after a run that wrote the workbooks
     * (completed, or stopped by the gate); a letter that cannot be sent never changes the
     * run's exit code.
     */
    @EventListener
    public void runEnded(RoundRunEnded ended) {
        if (settings.mail() != CorrectionMailSettings.Mode.AUTO
                || (ended.end() != RoundRunEnded.End.COMPLETED && ended.end() != RoundRunEnded.End.QUALITY_GATE)) {
            return;
        }
        try {
            send(ended.round(), false, new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        }
        catch (IOException | RuntimeException e) {
            log.warn("round {}: the correction workbooks could not be mailed: {}", ended.round(), e.getMessage());
        }
    }

    Letter letter(int round, Delivery d, String address) {
        LocalDateTime deadline = nextRun(LocalDateTime.now());
        String file = d.workbook().getFileName().toString();
        boolean agency = d.recipient().equals(CorrectionWorkbooks.UNASSIGNED);
        String subject = agency ? String.format("[소공인 성과표] %d년 자료: 센터를 알 수 없는 항목 %d건", round, d.rowsToFix())
                : String.format("[소공인 성과표] %d년 자료 수정 요청 · %s (%d건)", round, d.recipientName(), d.rowsToFix());
        StringBuilder text = new StringBuilder();
        if (agency) {
            text.append("사업 담당자님께,\n\n");
            text.append(
                    String.format("%d년 성과 집계에서 어느 센터의 것인지 알 수 없는 항목이 %d건 있습니다" + " (소속센터가 centers.csv에 없는 설문 응답 등).%n",
                            round, d.rowsToFix()));
            text.append(String.format("첨부한 %s에서 항목을 확인하여 해당 센터에 전달하거나 원본 파일을 고쳐 주십시오.%n", file));
        }
        else {
            text.append(d.recipientName()).append(" 담당자님께,\n\n");
            text.append(String.format("서울시 소공인 지원사업 %d년 성과 집계에서 귀 센터가 보내 주신 자료 중" + " 고칠 항목이 %d건 있습니다.%n", round,
                    d.rowsToFix()));
            text.append(String.format("첨부한 수정 요청서(%s)의 '요약' 시트에 파일별 건수가 있고, 그 뒤 시트마다 고칠 행과"
                    + " 칸(빨간 칸: 집계에서 빠진 행, 노란 칸: 경고)과 고칠 내용이 있습니다.%n", file));
            text.append("원본 파일의 같은 행 번호에서 고쳐 다시 보내 주십시오.\n");
        }
        text.append(String.format("%n%s에 시작하는 정기 실행이 그때까지 받은 파일을 다시 읽습니다.%n", WHEN.format(deadline)));
        text.append("\n이 메일은 자동으로 보냈습니다. 같은 요청서는 한 번만 보냅니다.\n");
        return new Letter(List.of(address), subject, text.toString(), List.of(d.workbook()));
    }

    /** The next nightly start after {@code now}. */
    LocalDateTime nextRun(LocalDateTime now) {
        LocalDateTime today = LocalDate.from(now).atTime(settings.nextRunAt());
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    /** The execution whose outputs these are, from the round's manifest, if it says. */
    private @Nullable Long executionOf(int round) {
        Path manifest = properties.roundOutput(round).resolve("manifest.json");
        try {
            JsonNode id = JSON.readTree(manifest.toFile()).get("jobExecutionId");
            return id == null || !id.isNumber() ? null : id.asLong();
        }
        catch (RuntimeException noManifest) {
            return null;
        }
    }

    /** The items a workbook asks to fix: the sum of its summary's last column. */
    static int rowsToFix(Path workbook) throws IOException {
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = WorkbookFactory.create(in)) {
            Sheet summary = wb.getSheet("요약");
            if (summary == null) {
                return 0;
            }
            int items = 0;
            for (Row row : summary) {
                Cell cell = row.getCell(6);
                if (row.getRowNum() > 3 && cell != null && cell.getCellType() == CellType.NUMERIC) {
                    items += (int) cell.getNumericCellValue();
                }
            }
            return items;
        }
    }

}
