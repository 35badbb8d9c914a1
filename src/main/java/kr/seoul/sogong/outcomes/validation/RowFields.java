package kr.seoul.sogong.outcomes.validation;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.ColumnRef;
import kr.seoul.sogong.outcomes.rows.BusinessRegistrationNumber;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoul.sogong.outcomes.intake.CellText;
import kr.seoul.sogong.outcomes.intake.Column;
import kr.seoul.sogong.outcomes.intake.SourceRow;

/**
 * Reads the typed values of one row under contract §3 and §7, collecting a finding for
 * every value that breaks a rule. Parsing is strict: nothing is adjusted or guessed; a
 * blank (or spaces-only) value of a required field is REQUIRED and nothing else.
 */
public final class RowFields {

    private static final List<DateTimeFormatter> SUBMITTED_AT = List.of(strict("uuuu-MM-dd HH:mm[:ss]"),
            strict("uuuu.MM.dd HH:mm"), strict("uuuu/M/d H:mm"));

    private static final DateTimeFormatter WORKBOOK_DATE_ONLY = strict("uuuu-MM-dd");

    /**
     * Korean-locale text timestamps (contract §8): {@code 2022. 6. 1 오후 3:04:05},
     * {@code 2022. 6. 1. 오전 9:05}.
     */
    private static final Pattern KOREAN_TIMESTAMP = Pattern
        .compile("(\\d{4})\\.\\s*(\\d{1,2})\\.\\s*(\\d{1,2})\\.?\\s+(오전|오후)\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

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

    /**
     * The labels of a totals row (contract §9), compared without spaces and case: what a
     * person writes under the last line of a table, and the job must not add again.
     */
    private static final java.util.Set<String> TOTALS = java.util.Set.of("합계", "계", "소계", "총계", "총합계", "누계", "total",
            "subtotal", "grandtotal", "sum", "totals");

    /** The first letters of {@link #TOTALS} (values are trimmed when read). */
    private static final String TOTALS_FIRST = "합계소총누TtSsGg";

    /** The columns where a totals row carries its label: the row's name or key. */
    private static final List<String> LABEL_COLUMNS = List.of("item", "firm_name", "brn", "center_code", "center",
            "response_id");

    /**
     * Whether this row is a totals row — one of {@link #TOTALS} in a label column (비목,
     * 업체명, …) — and if so, its one REJECT finding.
     */
    public boolean totalsRow() {
        if (row.problem() != null) {
            return false;
        }
        for (String field : LABEL_COLUMNS) {
            if (row.kind().indexOf(field) < 0) {
                continue;
            }
            String v = row.value(field);
            // asked of every row: a key is built only for a value that could be a label
            if (!v.isEmpty() && v.length() <= 12 && TOTALS_FIRST.indexOf(v.charAt(0)) >= 0
                    && TOTALS.contains(totalsKey(v))) {
                add(field, v, Rule.TOTALS_ROW, Message.of("totalsRow"));
                return true;
            }
        }
        return false;
    }

    private static @Nullable String totalsKey(String v) {
        StringBuilder key = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!CellText.isSpace(c) && c != ':' && c != '.' && c != '(' && c != ')' && c != '[' && c != ']') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /**
     * The row's place as an id, for a survey file without a response id column (contract
     * §9): {@code <file>:<row>}, or {@code <file>:<sheet>:<row>} in a workbook, cut to
     * the column's length from the left (the row number is the part that tells rows
     * apart).
     */
    public @Nullable String madeId(ColumnRef column) {
        String field = column.alias();
        String id = row.sourceFile() + ":" + (row.sheet().isEmpty() ? "" : row.sheet() + ":") + row.rowNumber();
        int limit = maxLength(field);
        return id.length() > limit ? id.substring(id.length() - limit) : id;
    }

    public boolean rejected() {
        // a loop: no stream per row on the hot path
        for (Finding f : findings) {
            if (f.severity() == Severity.REJECT) {
                return true;
            }
        }
        return false;
    }

    public SourceRow row() {
        return row;
    }

    public Finding finding(String field, String value, Rule rule, Message message) {
        return Finding.of(row.sourceFile(), row.sheet(), row.rowNumber(), field, value, rule, message);
    }

    public void add(String field, String value, Rule rule, Message message) {
        findings.add(finding(field, value, rule, message));
    }

    /** A finding on a column of the row, named by its alias. */
    public void add(ColumnRef column, String value, Rule rule, Message message) {
        add(column.alias(), value, rule, message);
    }

    /**
     * Whether the row's kind declares the column required (intake's {@code SourceKind}),
     * stated there once for every rule that reads it.
     */
    private boolean required(ColumnRef column) {
        if (column.kind() != row.kind()) {
            throw new IllegalArgumentException(column + " is a column of " + column.kind() + ", not " + row.kind());
        }
        return column.column().required();
    }

    /**
     * As {@link #text(String, boolean)}, required as the row's kind declares the column.
     */
    public @Nullable String text(ColumnRef column) {
        return text(column.alias(), required(column));
    }

    /**
     * The value, or null when blank or unusable: REQUIRED when blank and required; FORMAT
     * when the cell is a formula without a stored result, holds a NUL character (no
     * database stores one), or is longer than its column holds or
     * {@code outcomes.max-field-length} allows.
     */
    @Nullable String text(String field, boolean required) {
        Message problem = row.cellProblems().get(field);
        if (problem != null) {
            add(field, "", Rule.FORMAT, problem);
            return null;
        }
        // normalised when read
        String v = CellText.strip(row.value(field));
        if (v.isEmpty()) {
            if (required && row.problem() == null) {
                add(field, "", Rule.REQUIRED, Message.of("required", field));
            }
            return null;
        }
        int limit = maxLength(field);
        if (v.length() > limit) {
            add(field, v, Rule.FORMAT, Message.of("tooLong", limit));
            return null;
        }
        if (v.indexOf('\u0000') >= 0) {
            add(field, v.replace('\u0000', ' '), Rule.FORMAT, Message.of("nul"));
            return null;
        }
        return v;
    }

    private Column.Stored stored(String field) {
        return row.kind().column(field).stored();
    }

    /**
     * A required field's value in a row that stands: had it been blank or wrong, the
     * rules would have rejected the row and it would not be built.
     */
    static <T> T present(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a required field is empty in a row no rule rejected");
        }
        return value;
    }

    private int maxLength(String field) {
        int column = stored(field).maxLength();
        return column > 0 ? Math.min(column, maxFieldLength) : maxFieldLength;
    }

    /**
     * A business registration number: ten digits after removing dashes and spaces, with a
     * valid check digit.
     */
    public @Nullable String brn(ColumnRef column) {
        String field = column.alias();
        String v = text(field, required(column));
        if (v == null) {
            return null;
        }
        String digits = BusinessRegistrationNumber.normalize(v);
        if (digits == null) {
            add(field, BusinessRegistrationNumber.masked(v), Rule.FORMAT, Message.of("brnFormat"));
            return null;
        }
        if (!BusinessRegistrationNumber.hasValidCheckDigit(digits)) {
            add(field, BusinessRegistrationNumber.masked(v), Rule.BRN_CHECKSUM, Message.of("brnChecksum"));
            return null;
        }
        return digits;
    }

    /** A decimal ≥ 0 in plain notation that its column stores exactly (contract §8). */
    /**
     * As {@link #decimal(String, boolean)}, required as the row's kind declares the
     * column.
     */
    public @Nullable BigDecimal decimal(ColumnRef column) {
        return decimal(column.alias(), required(column));
    }

    @Nullable BigDecimal decimal(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        BigDecimal n = parsePlain(v);
        if (n == null) {
            add(field, v, Rule.FORMAT, Message.of("notNumber"));
            return null;
        }
        if (n.signum() < 0) {
            add(field, v, Rule.RANGE, Message.of("negative"));
            return null;
        }
        Column.Stored stored = stored(field);
        BigDecimal exact = n.stripTrailingZeros();
        if (exact.scale() > stored.scale()) {
            add(field, v, Rule.FORMAT, Message.of("decimals", stored.scale()));
            return null;
        }
        if (exact.precision() - exact.scale() > stored.integerDigits()) {
            add(field, v, Rule.RANGE, Message.of("tooManyDigits", stored.integerDigits()));
            return null;
        }
        return n;
    }

    /**
     * A whole number ≥ 0 ({@code 3.0} from a number cell counts as 3) that its column
     * holds.
     */
    /**
     * As {@link #whole(String, boolean)}, required as the row's kind declares the column.
     */
    public @Nullable Long whole(ColumnRef column) {
        return whole(column.alias(), required(column));
    }

    @Nullable Long whole(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        BigDecimal n = parsePlain(v);
        if (n == null || n.stripTrailingZeros().scale() > 0) {
            add(field, v, Rule.FORMAT, Message.of("notWholeNumber"));
            return null;
        }
        if (n.signum() < 0) {
            add(field, v, Rule.RANGE, Message.of("negative"));
            return null;
        }
        long max = stored(field).maxWhole();
        if (n.compareTo(BigDecimal.valueOf(max)) > 0) {
            add(field, v, Rule.RANGE, Message.of("tooLarge", max));
            return null;
        }
        return n.longValueExact();
    }

    /**
     * Plain decimal notation, else null: {@code 5e0}, {@code +5} and {@code 1,000} are
     * not numbers here.
     */
    public static @Nullable BigDecimal parsePlain(String v) {
        if (!isPlainNumber(v)) {
            return null;
        }
        if (v.length() <= 18 && v.indexOf('.') < 0) {
            // a whole number that fits a long: the same value and scale, without the
            // string constructor's copy (millions of cells)
            return BigDecimal.valueOf(Long.parseLong(v));
        }
        return new BigDecimal(v);
    }

    /**
     * {@code -?(\\d+(\\.\\d+)?|\\.\\d+)}, by hand: this runs for every number of every
     * row.
     */
    static boolean isPlainNumber(String v) {
        int i = v.startsWith("-") ? 1 : 0;
        int digitsBefore = 0;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
            digitsBefore++;
        }
        if (i == v.length()) {
            return digitsBefore > 0;
        }
        if (v.charAt(i) != '.') {
            return false;
        }
        int digitsAfter = 0;
        i++;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
            digitsAfter++;
        }
        return i == v.length() && digitsAfter > 0;
    }

    /** A whole number in plain notation, else null. */
    public static @Nullable Long parseWhole(String v) {
        BigDecimal n = parsePlain(v);
        if (n == null) {
            return null;
        }
        try {
            BigDecimal whole = n.stripTrailingZeros();
            return whole.scale() > 0 ? null : whole.longValueExact();
        }
        catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * As {@link #integer(String, boolean)}, required as the row's kind declares the
     * column.
     */
    public @Nullable Integer integer(ColumnRef column) {
        return integer(column.alias(), required(column));
    }

    @Nullable Integer integer(String field, boolean required) {
        Long n = whole(field, required);
        return n == null ? null : n.intValue();
    }

    /**
     * A date cell, ISO {@code yyyy-MM-dd} text, or the text forms the survey's dates take
     * (contract §9): {@code 2022.05.16}, {@code 2022. 5. 16.}, {@code 2022/5/16},
     * {@code 2022년 5월 16일}. An impossible date is FORMAT in every form.
     */
    /**
     * As {@link #date(String, boolean)}, required as the row's kind declares the column.
     */
    public @Nullable LocalDate date(ColumnRef column) {
        return date(column.alias(), required(column));
    }

    @Nullable LocalDate date(String field, boolean required) {
        String v = text(field, required);
        if (v == null) {
            return null;
        }
        LocalDate plain = plainDate(v);
        if (plain != null) {
            return plain;
        }
        try {
            return LocalDate.parse(v, WORKBOOK_DATE_ONLY);
        }
        catch (DateTimeParseException e) {
            LocalDate typed = typedDate(v);
            if (typed != null) {
                return typed;
            }
            add(field, v, Rule.FORMAT, Message.of("notDate"));
            return null;
        }
    }

    private static final Pattern DOTTED_DATE = Pattern
        .compile("(\\d{4})\\s*([./])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})\\.?");

    private static final Pattern KOREAN_DATE = Pattern.compile("(\\d{4})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일");

    /** {@code 2022.05.16}, {@code 2022/5/16} or {@code 2022년 5월 16일}, or null. */
    static @Nullable LocalDate typedDate(String v) {
        Matcher dotted = DOTTED_DATE.matcher(v);
        Matcher korean = KOREAN_DATE.matcher(v);
        try {
            if (dotted.matches()) {
                return LocalDate.of(Integer.parseInt(dotted.group(1)), Integer.parseInt(dotted.group(3)),
                        Integer.parseInt(dotted.group(4)));
            }
            if (korean.matches()) {
                return LocalDate.of(Integer.parseInt(korean.group(1)), Integer.parseInt(korean.group(2)),
                        Integer.parseInt(korean.group(3)));
            }
        }
        catch (java.time.DateTimeException impossible) {
            return null;
        }
        return null;
    }

    /**
     * {@code 2022-06-01} read by hand, as the strict formatter reads it, or null (then
     * the formatter decides, and words the finding): a formatter costs more than the rest
     * of the row's rules, and nearly every date has this form.
     */
    static @Nullable LocalDate plainDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        }
        catch (java.time.DateTimeException impossible) {
            return null;
        }
    }

    /**
     * {@code 2022-06-01 15:04} or {@code 2022-06-01 15:04:05} read by hand, as the first
     * of {@link #SUBMITTED_AT} reads them, or null (then the formatters decide).
     */
    static @Nullable LocalDateTime plainDateTime(String v) {
        if ((v.length() != 16 && v.length() != 19) || v.charAt(10) != ' ' || v.charAt(13) != ':') {
            return null;
        }
        LocalDate date = plainDate(v.substring(0, 10));
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = 0;
        if (v.length() == 19) {
            second = v.charAt(16) == ':' ? digits(v, 17, 19) : -1;
        }
        if (date == null || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return date.atTime(hour, minute, second);
        }
        catch (java.time.DateTimeException impossible) {
            return null;
        }
    }

    /** The ASCII digits from {@code from} to {@code to} as a number, or -1. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public @Nullable LocalDateTime submittedAt(ColumnRef column) {
        String field = column.alias();
        String v = text(field, required(column));
        if (v == null) {
            return null;
        }
        LocalDateTime plain = plainDateTime(v);
        if (plain != null) {
            return plain;
        }
        for (DateTimeFormatter f : SUBMITTED_AT) {
            try {
                return LocalDateTime.parse(v, f);
            }
            catch (DateTimeParseException ignored) {
                // next accepted form
            }
        }
        LocalDateTime korean = koreanTimestamp(v);
        if (korean != null) {
            return korean;
        }
        if (row.fromWorkbook()) {
            // a date cell without a time of day
            try {
                return LocalDate.parse(v, WORKBOOK_DATE_ONLY).atStartOfDay();
            }
            catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        add(field, v, Rule.FORMAT, Message.of("notDateTime"));
        return null;
    }

    /**
     * {@code 2022. 6. 1 오후 3:04:05}: 오전/오후 with a 12-hour clock; null when it is not that
     * form or impossible.
     */
    static @Nullable LocalDateTime koreanTimestamp(String v) {
        Matcher m = KOREAN_TIMESTAMP.matcher(v);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(5));
        if (hour < 1 || hour > 12) {
            return null;
        }
        int hour24 = hour % 12 + (m.group(4).equals("오후") ? 12 : 0);
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), hour24, Integer.parseInt(m.group(6)),
                    m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
        }
        catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Y or N, any case. */
    /**
     * As {@link #yesNo(String, boolean)}, required as the row's kind declares the column.
     */
    public @Nullable Boolean yesNo(ColumnRef column) {
        return yesNo(column.alias(), required(column));
    }

    @Nullable Boolean yesNo(String field, boolean required) {
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
        add(field, v, Rule.FORMAT, Message.of("notYesNo"));
        return null;
    }

}
