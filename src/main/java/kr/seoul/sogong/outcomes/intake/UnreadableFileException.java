package kr.seoul.sogong.outcomes.intake;

/**
 * A whole file that cannot be read (rule UNREADABLE); {@code field} names a missing
 * header or sheet.
 */
public class UnreadableFileException extends Exception {

    private final String sheet;

    private final String field;

    public UnreadableFileException(String sheet, String field, String message) {
        super(message);
        this.sheet = sheet == null ? "" : sheet;
        this.field = field == null ? "" : field;
    }

    public UnreadableFileException(String message) {
        this("", "", message);
    }

    public String sheet() {
        return sheet;
    }

    public String field() {
        return field;
    }

}
