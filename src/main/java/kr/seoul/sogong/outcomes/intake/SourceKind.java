package kr.seoul.sogong.outcomes.intake;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The four kinds of data rows a round holds (contract §2), with their columns (from each
 * kind's enum of columns, {@link ColumnRef}) and sheet names.
 */
public enum SourceKind {

    SURVEY(null, null, columnsOf(SurveyColumn.values())),
    PARTICIPANTS("참여기업", "participants", columnsOf(ParticipantColumn.values())),
    OUTCOMES("성과", "outcomes", columnsOf(OutcomeColumn.values())),
    BUDGET("예산", "budget", columnsOf(BudgetColumn.values()));

    /** The results kinds, in the order their sheets are expected in a workbook. */
    public static final List<SourceKind> RESULTS = List.of(PARTICIPANTS, OUTCOMES, BUDGET);

    private final @Nullable String koreanSheet;

    private final @Nullable String englishSheet;

    private final List<Column> columns;

    private final java.util.Map<String, Integer> indexByAlias = new java.util.HashMap<>();

    private final String[] aliases;

    /** A kind's columns, from its enum: each stated once, where its constant is. */
    private static List<Column> columnsOf(ColumnRef[] refs) {
        return java.util.Arrays.stream(refs).map(ColumnRef::column).toList();
    }

    SourceKind(@Nullable String koreanSheet, @Nullable String englishSheet, List<Column> columns) {
        this.koreanSheet = koreanSheet;
        this.englishSheet = englishSheet;
        this.columns = columns;
        this.aliases = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            indexByAlias.put(columns.get(i).alias(), i);
            aliases[i] = columns.get(i).alias();
        }
    }

    /**
     * The position of a column among {@link #columns()}, or -1. Asked for every field of
     * every row, with the rules' constant (interned) aliases: a pass comparing references
     * finds them before any hashing.
     */
    public int indexOf(String alias) {
        for (int i = 0; i < aliases.length; i++) {
            if (aliases[i] == alias) {
                return i;
            }
        }
        Integer i = indexByAlias.get(alias);
        return i == null ? -1 : i;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column of this kind with that alias. */
    public Column column(String alias) {
        int i = indexOf(alias);
        Column c = i < 0 ? null : columns.get(i);
        if (c == null) {
            throw new IllegalArgumentException(alias + " is not a column of " + this);
        }
        return c;
    }

    /**
     * The sheet's Korean name; a results kind's only (the survey has no sheet of its
     * own).
     */
    public String koreanSheet() {
        return Objects.requireNonNull(koreanSheet, "the survey has no sheet name");
    }

    /** The sheet's English name; a results kind's only. */
    public String englishSheet() {
        return Objects.requireNonNull(englishSheet, "the survey has no sheet name");
    }

    /** A sheet's name, compared as headers are (contract §9). */
    public boolean matchesSheet(String sheetName) {
        String s = HeaderKey.of(sheetName);
        // the survey has no sheet of its own
        if (koreanSheet == null || englishSheet == null) {
            return false;
        }
        return !s.isEmpty() && (s.equals(HeaderKey.of(koreanSheet)) || s.equals(HeaderKey.of(englishSheet)));
    }

    /**
     * A results CSV names its sheet in its file name: {@code <anything>_participants.csv}
     * (or {@code _참여기업.csv}).
     */
    public static Optional<SourceKind> ofResultsCsv(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (SourceKind kind : RESULTS) {
            if (lower.endsWith("_" + kind.englishSheet + ".csv") || lower.endsWith("_" + kind.koreanSheet + ".csv")) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

}
