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
    EMPTY_FOLDER(Severity.WARN);

    private final Severity severity;

    Rule(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

}
