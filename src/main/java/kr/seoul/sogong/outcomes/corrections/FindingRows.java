package kr.seoul.sogong.outcomes.corrections;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.intake.RowSource;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.IntakeStore.StoredFile;
import org.jspecify.annotations.Nullable;

/**
 * The rows findings point at, read again from their file (a rejected row is not stored):
 * what the center wrote, for its workbook, and the firm of a rejected row, for the root
 * causes. Unreadable files have none.
 */
final class FindingRows {

    private final OutcomesProperties properties;

    FindingRows(OutcomesProperties properties) {
        this.properties = properties;
    }

    static int key(String sheet, int rowNumber) {
        return sheet.hashCode() * 31 + rowNumber;
    }

    /** The rows of the file the findings point at, by {@link #key}. */
    Map<Integer, SourceRow> of(int round, @Nullable StoredFile file, Collection<Finding> findings) throws Exception {
        Map<Integer, SourceRow> rows = new HashMap<>();
        if (file == null || file.unreadable()) {
            return rows;
        }
        Set<Integer> wanted = new HashSet<>();
        findings.stream().filter(f -> f.rowNumber() != null).forEach(f -> wanted.add(key(f.sheet(), f.rowNumber())));
        if (wanted.isEmpty()) {
            return rows;
        }
        try (RowSource source = SourceFiles.open(properties.roundInput(round), file.sourceFile(), file.kind(),
                file.encoding())) {
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                int k = key(row.sheet(), row.rowNumber());
                if (wanted.contains(k)) {
                    rows.put(k, row);
                    if (rows.size() == wanted.size()) {
                        // the rest of a long file is not needed
                        break;
                    }
                }
            }
        }
        return rows;
    }

}
