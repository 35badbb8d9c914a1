package kr.seoul.sogong.outcomes.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.seoul.sogong.outcomes.intake.SourceRow;

/**
 * Reads the typed values of one row under contract §3 and §7, collecting a finding for every value
 * that breaks a rule. Parsing is strict: nothing is adjusted or guessed; a blank (or spaces-only)
 * value of a required field is REQUIRED and nothing else.
 */
public final class RowFields {

    private static final List<DateTimeFormatter> SUBMITTED_AT = List.of(
            strict("uuuu-MM-dd HH:mm[:ss]"), strict("uuuu.MM.dd HH:mm"), strict("uuuu/M/d H:mm"));
    private static final DateTimeFormatter WORKBOOK_DATE_ONLY = strict("uuuu-MM-dd");

    private final SourceRow row;
    private final int maxFieldLength;
    private final List<Finding> findings = new ArrayList<>();

    public RowFields(SourceRow row, int maxFieldLength) {
        this.row = row;
        this.maxFieldLength = maxFieldLength;
        if (row.problem() != null) {
            findings.add(finding("", "", Rule.FORMAT, row.problem()));
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    public List<Finding> findings() {
        return findings;
    }

    public boolean rejected() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.REJECT);
    }

    public SourceRow row() {
        return row;
    }

    public Finding finding(String field, String value, Rule rule, String message) {
        return Finding.of(row.sourceFile(), row.sheet(), row.rowNumber(), field, value, rule, message);
    }

    public void add(String field, String value, Rule rule, String message) {
        findings.add(finding(field, value, rule, message));
    }

    /** The trimmed value, or null when blank; REQUIRED when blank and required; FORMAT when too long. */
    public String text(String field, boolean required) {
        String raw = row.value(field);
        String v = raw.strip();
        if (v.isEmpty()) {
            if (required && row.problem() == null) {
                add(field, "", Rule.REQUIRED, field + " is required");
            }
            return null;
        }
        if (v.length() > maxFieldLength) {
            add(field, v, Rule.FORMAT, "value is longer than " + maxFieldLength + " characters");
            return null;
        }
        return v;
    }

    /** A business registration number: ten digits after removing dashes and spaces, with a valid check digit. */
    public String brn(String field) {
        String v = text(field, true);
        if (v == null) {
            return null;
        }
        String digits = BusinessRegistrationNumber.normalize(v);
        if (digits == null) {
            add(field, BusinessRegistrationNumber.masked(v), Rule.FORMAT, "not 10 digits (3-2-5)");
            return null;
        }
        if (!BusinessRegistrationNumber.hasValidCheckDigit(digits)) {
            add(field, BusinessRegistrationNumber.masked(v), Rule.BRN_CHECKSUM, "check digit does not match");
            return null;
        }
        return digits;
    }

    public BigDecimal decimal(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(v);
        } catch (NumberFormatException e) {
            add(field, v, Rule.FORMAT, "not a number");
            return null;
        }
        if (n.signum() < 0) {
            add(field, v, Rule.RANGE, "negative");
            return null;
        }
        return n;
    }

    /** A whole number ≥ 0 ({@code 3.0} from a number cell counts as 3). */
    public Long whole(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        Long n = parseWhole(v);
        if (n == null) {
            add(field, v, Rule.FORMAT, "not a whole number");
            return null;
        }
        if (n < 0) {
            add(field, v, Rule.RANGE, "negative");
            return null;
        }
        return n;
    }

    public static Long parseWhole(String v) {
        try {
            BigDecimal n = new BigDecimal(v).stripTrailingZeros();
            if (n.scale() > 0) {
                return null;
            }
            return n.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    public Integer integer(String field, boolean required) {
        Long n = whole(field, required);
        if (n != null && n > Integer.MAX_VALUE) {
            add(field, String.valueOf(n), Rule.RANGE, "too large");
            return null;
        }
        return n == null ? null : n.intValue();
    }

    /** A date cell or ISO {@code yyyy-MM-dd} text. */
    public LocalDate date(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, WORKBOOK_DATE_ONLY);
        } catch (DateTimeParseException e) {
            add(field, v, Rule.FORMAT, "not a date (yyyy-MM-dd)");
            return null;
        }
    }

    public LocalDateTime submittedAt(String field) {
        String v = text(field, true);
        if (v == null) {
            return null;
        }
        for (DateTimeFormatter f : SUBMITTED_AT) {
            try {
                return LocalDateTime.parse(v, f);
            } catch (DateTimeParseException ignored) {
                // next accepted form
            }
        }
        if (row.fromWorkbook()) {
            // a date cell without a time of day
            try {
                return LocalDate.parse(v, WORKBOOK_DATE_ONLY).atStartOfDay();
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        add(field, v, Rule.FORMAT, "not a date and time (yyyy-MM-dd HH:mm[:ss], yyyy.MM.dd HH:mm or yyyy/M/d H:mm)");
        return null;
    }

    /** Y or N, any case. */
    public Boolean yesNo(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("Y")) {
            return true;
        }
        if (v.equalsIgnoreCase("N")) {
            return false;
        }
        add(field, v, Rule.FORMAT, "not Y or N");
        return null;
    }
}
