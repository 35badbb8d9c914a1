package kr.seoul.sogong.outcomes.intake;

import kr.seoul.sogong.outcomes.findings.Message;

/**
 * A whole file that cannot be read (rule UNREADABLE); {@code field} names a missing
 * header or sheet.
 */
public class UnreadableFileException extends Exception {

    private final String sheet;

    private final String field;

    private final Message reason;

    public UnreadableFileException(String sheet, String field, Message reason) {
        super(reason.english());
        this.reason = reason;
        this.sheet = sheet == null ? "" : sheet;
        this.field = field == null ? "" : field;
    }

    public UnreadableFileException(Message reason) {
        this("", "", reason);
    }

    public Message reason() {
        return reason;
    }

    public String sheet() {
        return sheet;
    }

    public String field() {
        return field;
    }

}
