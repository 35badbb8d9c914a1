package kr.seoul.sogong.outcomes.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.findings.Rule;
import org.springframework.stereotype.Component;

/**
 * The per-file counts of data_quality.csv (contract §5, §7), from the findings and the
 * files as stored.
 */
@Component
public class DataQuality {

    /** A file's row counts; rows_accepted = rows_read − rows_rejected. */
    public record FileQuality(String sourceFile, long rowsRead, long rowsRejected, long rowsWarned, boolean unreadable,
            long totalsRows) {
        public long rowsAccepted() {
            return rowsRead - rowsRejected;
        }

        /** The file stops the round at the quality gate (contract §7). */
        public boolean blocksGate(double maxRejectRate) {
            long rows = rowsRead - totalsRows;
            return unreadable || rows > 0 && (double) (rowsRejected - totalsRows) / rows > maxRejectRate;
        }
    }

    private final FindingStore findings;

    private final IntakeStore store;

    public DataQuality(FindingStore findings, IntakeStore store) {
        this.findings = findings;
        this.store = store;
    }

    /**
     * Per file: rows_rejected are rows with a REJECT, rows_warned rows with a WARN and no
     * REJECT; file- and center-level findings are not rows. Counted by the database, one
     * query each.
     */
    public List<FileQuality> quality(int round) {
        return quality(round, store.allFiles(round));
    }

    /** The same, for the round's files as the caller already read them. */
    public List<FileQuality> quality(int round, List<IntakeStore.StoredFile> files) {
        Map<String, Long> rejected = findings.rejectedRowsPerFile(round);
        Map<String, Long> warned = findings.warnedRowsPerFile(round);
        // a totals row is left out, but is no error in the data: the gate does not count
        // it (contract §9)
        Map<String, Long> totals = findings.perFile(round, Rule.TOTALS_ROW);
        List<FileQuality> quality = new ArrayList<>();
        for (IntakeStore.StoredFile file : files) {
            quality.add(new FileQuality(file.sourceFile(), file.rowsRead(),
                    rejected.getOrDefault(file.sourceFile(), 0L), warned.getOrDefault(file.sourceFile(), 0L),
                    file.unreadable(), totals.getOrDefault(file.sourceFile(), 0L)));
        }
        quality.sort(Comparator.comparing(FileQuality::sourceFile));
        return quality;
    }

}
