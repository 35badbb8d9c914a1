package kr.seoul.sogong.outcomes.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The findings of a round, and the per-file counts of data_quality.csv (contract §5, §7). */
@Component
public class DataQuality {

    /** A file's row counts; rows_accepted = rows_read − rows_rejected. */
    public record FileQuality(String sourceFile, long rowsRead, long rowsRejected, long rowsWarned,
            boolean unreadable) {
        public long rowsAccepted() {
            return rowsRead - rowsRejected;
        }
    }

    /** Contract §5 order: source_file, sheet, row_number (empty first), field, rule. */
    public static final Comparator<Finding> REJECTS_ORDER = Comparator.comparing(Finding::sourceFile)
            .thenComparing(Finding::sheet)
            .thenComparing(f -> f.rowNumber() == null ? -1 : f.rowNumber())
            .thenComparing(Finding::field)
            .thenComparing(f -> f.rule().name())
            .thenComparing(Finding::message);

    private final JdbcTemplate jdbc;
    private final IntakeStore store;

    public DataQuality(JdbcTemplate jdbc, IntakeStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Every finding of the round, in rejects.csv order. */
    public List<Finding> findings(int round) {
        List<Finding> findings = jdbc.query("select * from finding where round = ?", (rs, i) -> new Finding(
                rs.getString("source_file"), rs.getString("sheet"), (Integer) rs.getObject("row_number", Integer.class),
                rs.getString("field"), rs.getString("val"), Rule.valueOf(rs.getString("rule")),
                Severity.valueOf(rs.getString("severity")), rs.getString("message")), round);
        findings.sort(REJECTS_ORDER);
        return findings;
    }

    public List<FileQuality> quality(int round) {
        return quality(round, findings(round));
    }

    /** rows_rejected: rows with a REJECT; rows_warned: rows with a WARN and no REJECT; file- and center-level findings are not rows. */
    public List<FileQuality> quality(int round, List<Finding> findings) {
        Map<String, Set<String>> rejected = new HashMap<>();
        Map<String, Set<String>> warned = new HashMap<>();
        for (Finding f : findings) {
            if (f.rowNumber() == null) {
                continue;
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
                    file.unreadable()));
        }
        quality.sort(Comparator.comparing(FileQuality::sourceFile));
        return quality;
    }
}
