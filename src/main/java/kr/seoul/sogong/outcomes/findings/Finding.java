package kr.seoul.sogong.outcomes.findings;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code rejects.csv}: what rule a value broke, where a person finds it.
 *
 * @param rowNumber the row as Excel or an editor shows it (header = 1); null for a
 * whole-file finding
 * @param value already masked where it is a business registration number
 */
public record Finding(String sourceFile, String sheet, @Nullable Integer rowNumber, String field, String value,
        Rule rule, Severity severity, Message message) {

    private static final int MAX_VALUE_LENGTH = 200;

    public Finding {
        sheet = sheet == null ? "" : sheet;
        field = field == null ? "" : field;
        value = value == null ? "" : abbreviate(value);
    }

    public static Finding of(String sourceFile, String sheet, @Nullable Integer rowNumber, String field, String value,
            Rule rule, Message message) {
        return new Finding(sourceFile, sheet, rowNumber, field, value, rule, rule.severity(), message);
    }

    public static Finding unreadable(String sourceFile, String sheet, String field, Message message) {
        return of(sourceFile, sheet, null, field, "", Rule.UNREADABLE, message);
    }

    /** The message in English, as rejects.csv has it by default. */
    public String text() {
        return message.english();
    }

    private static String abbreviate(String value) {
        // A 20 MB cell must not travel into the rejects table whole; its length is in the
        // message.
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }
}
