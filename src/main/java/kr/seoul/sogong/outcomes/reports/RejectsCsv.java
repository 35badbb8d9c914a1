package kr.seoul.sogong.outcomes.reports;

import java.util.List;
import java.util.Locale;
import kr.seoul.sogong.outcomes.findings.Finding;

/**
 * The columns of rejects.csv (contract §6) and a finding as its row: one definition for
 * the findings step and the console's filtered download.
 */
public final class RejectsCsv {

    public static final List<String> HEADER = List.of("round", "source_file", "sheet", "row_number", "field", "value",
            "rule", "severity", "message");

    private RejectsCsv() {
    }

    /** A finding as a row of rejects.csv, its message in the given language. */
    public static List<String> row(int round, Finding f, Locale locale) {
        return List.of(String.valueOf(round), f.sourceFile(), f.sheet(),
                f.rowNumber() == null ? "" : f.rowNumber().toString(), f.field(), f.value(), f.rule().name(),
                f.severity().name(), f.message().render(locale));
    }

}
