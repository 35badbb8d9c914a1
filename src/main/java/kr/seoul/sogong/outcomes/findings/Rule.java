package kr.seoul.sogong.outcomes.findings;

/**
 * The rules of contract §3, each with its severity (NOT_PARTICIPANT depends on the
 * source).
 */
public enum Rule {

    UNREADABLE(Severity.REJECT), REQUIRED(Severity.REJECT), FORMAT(Severity.REJECT), BRN_CHECKSUM(Severity.REJECT),
    UNKNOWN_CENTER(Severity.REJECT), RANGE(Severity.REJECT), DUPLICATE(Severity.REJECT),
    NOT_PARTICIPANT(Severity.REJECT), NOT_SOGONG(Severity.WARN), OUT_OF_ROUND(Severity.WARN),
    UNKNOWN_NEED(Severity.WARN), OVER_CAP(Severity.WARN),
    /** Extension (contract §8): a hidden sheet of a workbook, not read. */
    HIDDEN_SHEET(Severity.WARN),
    /**
     * Extension (contract §8): a file in the round's own folder, or a link out of the
     * input folder, not read.
     */
    NOT_READ(Severity.WARN),
    /** Extension (contract §8): survey/ or results/ missing or empty. */
    EMPTY_FOLDER(Severity.WARN),
    /**
     * Contract §9: a header cell the job does not recognise, or values in a column
     * without a header — once per file (and sheet).
     */
    UNKNOWN_COLUMN(Severity.WARN),
    /** Contract §9: an optional column of the contract the file lacks, once per file. */
    MISSING_COLUMN(Severity.WARN),
    /** Contract §9: a totals row (합계, 소계, Total …): the job sums by itself. */
    TOTALS_ROW(Severity.REJECT),
    /**
     * Contract §9: a center's participants, outcomes or budget handed in by two files;
     * the round stops at the quality gate until one is kept.
     */
    TWO_SOURCES(Severity.REJECT);

    private final Severity severity;

    Rule(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

}
