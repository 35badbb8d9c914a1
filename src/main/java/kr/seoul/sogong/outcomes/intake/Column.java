package kr.seoul.sogong.outcomes.intake;

import java.util.List;

/**
 * A column of an input file: its Korean header, English alias (also the finding's field
 * name), and what the database column that stores it can hold — contract §8 makes those
 * limits rules, so a value the rules accept is never refused (or silently rounded) by the
 * database.
 */
public record Column(String korean, String alias, boolean required, Stored stored, List<String> otherHeaders,
        boolean madeWhenAbsent) {

    public Column {
        otherHeaders = List.copyOf(otherHeaders);
    }

    /**
     * The storing column's limits: text up to {@code maxLength} characters; a decimal
     * with at most {@code integerDigits} digits before the point and {@code scale} after
     * it; a whole number up to {@code maxWhole}. Zero (or {@link Long#MAX_VALUE}) where a
     * limit does not apply.
     */
    public record Stored(int maxLength, int integerDigits, int scale, long maxWhole) {

        static final Stored NONE = new Stored(0, 0, 0, Long.MAX_VALUE);

        static Stored text(int maxLength) {
            return new Stored(maxLength, 0, 0, Long.MAX_VALUE);
        }

        /** {@code numeric(precision, scale)}. */
        static Stored decimal(int precision, int scale) {
            return new Stored(0, precision - scale, scale, Long.MAX_VALUE);
        }

        static Stored whole(long max) {
            return new Stored(0, 0, 0, max);
        }
    }

    /** An {@code integer} column. */
    static final Stored INTEGER = Stored.whole(Integer.MAX_VALUE);

    /**
     * Money in won ({@code bigint}): at most 15 digits, so that the sums of the outcome
     * tables fit a {@code bigint} for any number of budget lines a round can hold.
     */
    static final Stored MONEY = Stored.whole(999_999_999_999_999L);

    static Column required(String korean, String alias, Stored stored) {
        return new Column(korean, alias, true, stored, List.of(), false);
    }

    static Column optional(String korean, String alias, Stored stored) {
        return new Column(korean, alias, false, stored, List.of(), false);
    }

    /** The same column, also recognised under these headers (an extension's aliases). */
    Column alsoNamed(String... headers) {
        return new Column(korean, alias, required, stored, List.of(headers), madeWhenAbsent);
    }

    /**
     * The same column, which a file may lack altogether: its value is then made from the
     * row's place (the survey's response id, which a Google Forms download has none of).
     */
    Column withMadeValue() {
        return new Column(korean, alias, required, stored, otherHeaders, true);
    }

    /**
     * Header matching ignores case, surrounding spaces and a UTF-8 BOM (contract §2),
     * after normalising (§8).
     */
    public static String normalizeHeader(String header) {
        return header == null ? "" : CellText.normalize(header).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether a header (already reduced by {@link HeaderKey#of}) names this column: its
     * Korean header, its alias or one of its other names, reduced the same way.
     */
    boolean matchesKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        if (key.equals(HeaderKey.of(korean)) || key.equals(HeaderKey.of(alias))) {
            return true;
        }
        for (String other : otherHeaders) {
            if (key.equals(HeaderKey.of(other))) {
                return true;
            }
        }
        return false;
    }
}
