package kr.seoul.sogong.outcomes.retention;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.access.AccessLog;
import kr.seoul.sogong.outcomes.corrections.MailLog;
import kr.seoul.sogong.outcomes.reports.CsvOutput;
import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.Dialect;
import kr.seoul.sogong.outcomes.store.DigestStore;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.store.RowTables;
import kr.seoul.sogong.outcomes.store.VerdictStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code destroy [--dry-run] [round=<yyyy>]}: every round past its retention (or the one
 * named, if it is) loses its personal data — in one transaction per round, the rows of
 * the four row tables (firm names, business numbers, comments, response ids), the
 * findings (rejected values), the digests and verdicts, the centers' addresses and the
 * mails' — and its {@code rejects.csv}, correction workbooks, leftover staging folders
 * and kits are deleted. The outcome tables, {@code data_quality.csv}, the manifest and
 * the committee's files stay: they hold aggregates only, and next year's comparison reads
 * them. Each destroyed round is a line of the ledger; the round is not run again. On H2
 * the database file is compacted afterwards, so the bytes leave the file too.
 */
@Component
public class Destruction {

    private static final Logger log = LoggerFactory.getLogger(Destruction.class);

    private final RetentionSettings settings;

    private final OutcomesProperties properties;

    private final IntakeStore intake;

    private final RowTables rows;

    private final FindingStore findings;

    private final DigestStore digests;

    private final VerdictStore verdicts;

    private final MailLog mailLog;

    private final DestructionLedger ledger;

    private final TransactionTemplate transaction;

    private final Dialect dialect;

    private final JdbcTemplate jdbc;

    private final AccessLog access;

    public Destruction(RetentionSettings settings, OutcomesProperties properties, IntakeStore intake, RowTables rows,
            FindingStore findings, DigestStore digests, VerdictStore verdicts, MailLog mailLog,
            DestructionLedger ledger, TransactionTemplate transaction, Dialect dialect, JdbcTemplate jdbc,
            AccessLog access) {
        this.settings = settings;
        this.properties = properties;
        this.intake = intake;
        this.rows = rows;
        this.findings = findings;
        this.digests = digests;
        this.verdicts = verdicts;
        this.mailLog = mailLog;
        this.ledger = ledger;
        this.transaction = transaction;
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.access = access;
    }

    /** What a round's destruction takes: counts by kind, the keys' sha256, the files. */
    record Plan(int round, LocalDate keptUntil, Map<String, Long> counts, String keysSha256, List<Path> files) {

        String destroyed() {
            return counts.entrySet()
                .stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("; "));
        }

    }

    /**
     * Destroys (or, in a dry run, says) what each due round holds; one line per round on
     * {@code out}, and a ledger line per destroyed round. Returns the exit code.
     */
    public int destroy(@Nullable Integer only, boolean dryRun, String runBy, LocalDate today, PrintStream out)
            throws IOException {
        List<Integer> rounds = only != null ? List.of(only) : knownRounds();
        int destroyed = 0;
        for (int round : rounds) {
            LocalDate keptUntil = settings.keptUntil(round);
            if (!today.isAfter(keptUntil)) {
                out.println("round " + round + ": kept until " + keptUntil + " (" + settings.basis() + "): untouched");
                continue;
            }
            Plan plan = plan(round, keptUntil);
            if (dryRun) {
                out.println("round " + round + ": past " + keptUntil + "; would destroy " + plan.destroyed()
                        + "; would delete " + plan.files().size() + " file(s)");
                plan.files().forEach(f -> out.println("  " + f));
                continue;
            }
            Plan done = destroy(plan, runBy);
            destroyed++;
            out.println("round " + round + ": past " + keptUntil + "; destroyed " + done.destroyed() + "; deleted "
                    + plan.files().size() + " file(s); keys sha256 " + plan.keysSha256());
        }
        if (!dryRun) {
            int purged = access.purge(LocalDateTime.now());
            out.println("access records past their retention purged: " + purged);
        }
        if (destroyed > 0) {
            writeLedger();
            compact(out);
        }
        return ExitCodes.COMPLETED;
    }

    /**
     * When the round's personal data was destroyed, if it was: such a round is not run.
     */
    public java.util.Optional<LocalDateTime> destroyedAt(int round) {
        return intake.destroyedAt(round);
    }

    /** The rounds the database holds or the output folder has. */
    private List<Integer> knownRounds() throws IOException {
        TreeSet<Integer> rounds = new TreeSet<>(intake.storedRounds());
        Path output = properties.outputDir();
        if (Files.isDirectory(output)) {
            try (Stream<Path> dirs = Files.list(output)) {
                dirs.map(p -> String.valueOf(p.getFileName()))
                    .filter(n -> n.matches("\\d{4}"))
                    .map(Integer::parseInt)
                    .forEach(rounds::add);
            }
        }
        return List.copyOf(rounds);
    }

    Plan plan(int round, LocalDate keptUntil) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        MessageDigest keys = sha256();
        Consumer<String> key = k -> keys.update((k + "\n").getBytes(StandardCharsets.UTF_8));
        for (RowTable table : RowTable.values()) {
            long[] n = { 0 };
            rows.eachKeyOfRound(round, table, k -> {
                n[0]++;
                key.accept(k);
            });
            counts.put(table.sqlName(), n[0]);
        }
        counts.put("finding", count(c -> findings.eachKeyOfRound(round, c), key));
        counts.put("row_digest", count(c -> digests.eachKeyOfRound(round, c), key));
        counts.put("cross_row_verdict", count(c -> verdicts.eachKeyOfRound(round, c), key));
        return new Plan(round, keptUntil, counts, HexFormat.of().formatHex(keys.digest()), files(round));
    }

    private static long count(Consumer<Consumer<String>> each, Consumer<String> key) {
        long[] n = { 0 };
        each.accept(k -> {
            n[0]++;
            key.accept(k);
        });
        return n[0];
    }

    /** The round's files that hold personal data: rejects, corrections, staging, kits. */
    private List<Path> files(int round) throws IOException {
        List<Path> files = new ArrayList<>();
        Path out = properties.roundOutput(round);
        addTree(files, out.resolve("rejects.csv"));
        addTree(files, out.resolve("corrections"));
        Path staging = properties.outputDir().resolve(".staging");
        if (Files.isDirectory(staging)) {
            try (Stream<Path> runs = Files.list(staging)) {
                for (Path run : runs.filter(p -> String.valueOf(p.getFileName()).startsWith(round + "-")).toList()) {
                    addTree(files, run);
                }
            }
        }
        addTree(files, settings.kitsDir().resolve(String.valueOf(round)));
        return files;
    }

    private static void addTree(List<Path> files, Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(files::add);
        }
    }

    private Plan destroy(Plan plan, String runBy) throws IOException {
        int round = plan.round();
        Map<String, Long> counts = new LinkedHashMap<>(plan.counts());
        transaction.executeWithoutResult(status -> {
            rows.forgetRound(round);
            findings.forgetRound(round);
            digests.forgetRound(round);
            verdicts.forgetRound(round);
            counts.put("mail_log", (long) mailLog.forgetRound(round));
            counts.put("center contact_email", (long) intake.markDestroyed(round, LocalDateTime.now()));
        });
        for (Path f : plan.files()) {
            Files.deleteIfExists(f);
        }
        Plan done = new Plan(round, plan.keptUntil(), counts, plan.keysSha256(), plan.files());
        ledger.record(new DestructionLedger.Line(round, LocalDateTime.now(), runBy, settings.basis(), done.destroyed(),
                plan.keysSha256(), plan.files().stream().map(Path::toString).collect(Collectors.joining("; "))));
        log.info("round {}: personal data destroyed ({}); {} file(s) deleted", round, done.destroyed(),
                plan.files().size());
        return done;
    }

    /**
     * The whole ledger as {@code output/destruction-ledger.csv}, for the monthly review.
     */
    private void writeLedger() throws IOException {
        CsvOutput.write(properties.outputDir().resolve("destruction-ledger.csv"), DestructionLedger.HEADER,
                ledger.all().stream().map(DestructionLedger::cells).toList());
    }

    /**
     * H2 keeps deleted rows in its file's free pages until the file is rewritten:
     * {@code SHUTDOWN COMPACT} rewrites it (and closes the database for every connection:
     * the command ends here). PostgreSQL needs a {@code VACUUM} by its operator (README).
     */
    private void compact(PrintStream out) {
        if (dialect.postgres()) {
            out.println("PostgreSQL: run VACUUM (FULL) on the row tables, finding and row_digest so the deleted rows"
                    + " leave the data files; backups are yours to expire");
            return;
        }
        String url = jdbc
            .execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getURL());
        if (url != null && url.startsWith("jdbc:h2:mem:")) {
            // in memory: no file to hold the bytes
            return;
        }
        try {
            jdbc.execute("SHUTDOWN COMPACT");
            out.println("H2: the database file was compacted; the destroyed rows are gone from it");
        }
        catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("the H2 file could not be compacted: " + e.getMessage(), e));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
