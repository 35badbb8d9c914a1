package kr.seoul.sogong.outcomes.intake;

import java.util.Optional;

/**
 * What a source file is, as {@code source_file.kind} records it: a CSV of one kind of
 * row, a workbook of results (a sheet per kind), or a file that could not be read.
 */
public enum FileKind {

    SURVEY, PARTICIPANTS, OUTCOMES, BUDGET, RESULTS_WORKBOOK, UNKNOWN;

    /** A CSV of that kind of row (the survey's workbook is SURVEY too). */
    public static FileKind of(SourceKind rows) {
        return valueOf(rows.name());
    }

    /**
     * The one kind of row the file holds; empty for a workbook of results or an unread
     * file.
     */
    public Optional<SourceKind> rows() {
        return switch (this) {
            case SURVEY -> Optional.of(SourceKind.SURVEY);
            case PARTICIPANTS -> Optional.of(SourceKind.PARTICIPANTS);
            case OUTCOMES -> Optional.of(SourceKind.OUTCOMES);
            case BUDGET -> Optional.of(SourceKind.BUDGET);
            case RESULTS_WORKBOOK, UNKNOWN -> Optional.empty();
        };
    }

}
