package kr.seoul.sogong.outcomes.access;

/** What an access was. */
public enum AccessKind {

    SIGN_IN, SIGN_IN_FAILED,
    /** Refused before the password was checked: too many wrong ones. */
    SIGN_IN_REFUSED,
    /** A page or an API answer with row-level data (findings, files). */
    VIEW,
    /**
     * A file with row-level data (rejects, corrections, findings as CSV, the manifest).
     */
    DOWNLOAD,
    /** A run started, restarted or stopped. */
    ACTION

}
