package kr.seoul.sogong.outcomes.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoul.sogong.outcomes.OutcomesProperties;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.reports.CsvOutput;
import kr.seoul.sogong.outcomes.rules.Finding;
import kr.seoul.sogong.outcomes.rules.Rule;
import kr.seoul.sogong.outcomes.rules.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code rejects.csv} and {@code data_quality.csv}, then applies the quality gate: a file
 * that is UNREADABLE, or whose REJECT rows exceed {@code outcomes.max-reject-rate} of its data rows,
 * fails the job — after the findings are written, so the operator can fix the file and rerun.
 */
public class FindingsReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FindingsReportTasklet.class);

    static final List<String> REJECTS_HEADER = List.of("round", "source_file", "sheet", "row_number", "field", "value",
            "rule", "severity", "message");
    static final List<String> QUALITY_HEADER = List.of("round", "source_file", "rows_read", "rows_accepted",
            "rows_rejected", "rows_warned");

    /** Contract §5 order: source_file, sheet, row_number (empty first), field, rule. */
    static final Comparator<Finding> REJECTS_ORDER = Comparator.comparing(Finding::sourceFile)
            .thenComparing(Finding::sheet)
            .thenComparing(f -> f.rowNumber() == null ? -1 : f.rowNumber())
            .thenComparing(Finding::field)
            .thenComparing(f -> f.rule().name())
            .thenComparing(Finding::message);

    /** A file's row counts, as in data_quality.csv. */
    public record FileQuality(String sourceFile, long rowsRead, long rowsRejected, long rowsWarned,
            boolean unreadable) {
        long rowsAccepted() {
            return rowsRead - rowsRejected;
        }
    }

    private final JdbcTemplate jdbc;
    private final IntakeStore store;
    private final OutcomesProperties properties;
    private final int round;

    public FindingsReportTasklet(JdbcTemplate jdbc, IntakeStore store, OutcomesProperties properties, int round) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        List<Finding> findings = findings();
        findings.sort(REJECTS_ORDER);
        Path out = properties.roundOutput(round);
        String r = String.valueOf(round);
        List<List<String>> rejectRows = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            rejectRows.add(List.of(r, f.sourceFile(), f.sheet(), f.rowNumber() == null ? "" : f.rowNumber().toString(),
                    f.field(), f.value(), f.rule().name(), f.severity().name(), f.message()));
        }
        CsvOutput.write(out.resolve("rejects.csv"), REJECTS_HEADER, rejectRows);

        List<FileQuality> quality = quality(findings);
        List<List<String>> qualityRows = new ArrayList<>();
        for (FileQuality q : quality) {
            qualityRows.add(List.of(r, q.sourceFile(), String.valueOf(q.rowsRead()), String.valueOf(q.rowsAccepted()),
                    String.valueOf(q.rowsRejected()), String.valueOf(q.rowsWarned())));
            log.info("{}: {} rows read, {} accepted, {} rejected, {} warned{}", q.sourceFile(), q.rowsRead(),
                    q.rowsAccepted(), q.rowsRejected(), q.rowsWarned(), q.unreadable() ? " — UNREADABLE" : "");
        }
        CsvOutput.write(out.resolve("data_quality.csv"), QUALITY_HEADER, qualityRows);
        contribution.incrementWriteCount(findings.size());
        log.info("round {}: {} findings in {}", round, findings.size(), out.resolve("rejects.csv"));
        gate(quality);
        return RepeatStatus.FINISHED;
    }

    private List<Finding> findings() {
        return jdbc.query("select * from finding where round = ?", (rs, i) -> new Finding(rs.getString("source_file"),
                rs.getString("sheet"), (Integer) rs.getObject("row_number", Integer.class), rs.getString("field"),
                rs.getString("val"), Rule.valueOf(rs.getString("rule")), Severity.valueOf(rs.getString("severity")),
                rs.getString("message")), round);
    }

    /** rows_rejected: rows with a REJECT; rows_warned: rows with a WARN and no REJECT (contract §7). */
    List<FileQuality> quality(List<Finding> findings) {
        Map<String, Set<String>> rejected = new HashMap<>();
        Map<String, Set<String>> warned = new HashMap<>();
        for (Finding f : findings) {
            if (f.rowNumber() == null) {
                continue; // a whole-file or center-level finding is not a row
            }
            String row = f.sheet() + "\u0000" + f.rowNumber();
            (f.severity() == Severity.REJECT ? rejected : warned)
                    .computeIfAbsent(f.sourceFile(), k -> new HashSet<>()).add(row);
        }
        List<FileQuality> quality = new ArrayList<>();
        for (IntakeStore.StoredFile file : store.allFiles(round)) {
            Set<String> rej = rejected.getOrDefault(file.sourceFile(), Set.of());
            Set<String> warn = new HashSet<>(warned.getOrDefault(file.sourceFile(), Set.of()));
            warn.removeAll(rej);
            quality.add(new FileQuality(file.sourceFile(), file.rowsRead(), rej.size(), warn.size(),
                    IntakeStore.UNREADABLE.equals(file.status())));
        }
        quality.sort(Comparator.comparing(FileQuality::sourceFile));
        return quality;
    }

    private void gate(List<FileQuality> quality) {
        List<String> failures = new ArrayList<>();
        for (FileQuality q : quality) {
            if (q.unreadable()) {
                failures.add(q.sourceFile() + " is UNREADABLE (see rejects.csv)");
            } else if (q.rowsRead() > 0
                    && (double) q.rowsRejected() / q.rowsRead() > properties.maxRejectRate()) {
                failures.add(String.format("%s rejects %d of %d rows (%.1f%%, over the %.1f%% allowed)",
                        q.sourceFile(), q.rowsRejected(), q.rowsRead(), 100.0 * q.rowsRejected() / q.rowsRead(),
                        100 * properties.maxRejectRate()));
            }
        }
        if (!failures.isEmpty()) {
            throw new QualityGateException("quality gate: " + String.join("; ", failures)
                    + ". Fix or remove the file and run the same command again.");
        }
    }
}
