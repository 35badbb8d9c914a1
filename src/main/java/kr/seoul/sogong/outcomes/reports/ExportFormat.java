package kr.seoul.sogong.outcomes.reports;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a value is shown in the exports (contract §4-5): half-up rounding (halves away from
 * zero), percentages and rates with exactly 1 decimal, means and CI bounds with exactly
 * 2, counts and money as integers, never {@code -0.0}. The database keeps full precision;
 * only exports round.
 */
public enum ExportFormat {

    TEXT(-1), INTEGER(0), ONE_DECIMAL(1), TWO_DECIMALS(2), BOOLEAN(-1),
    /** The round: a whole number that is a label, shown without a thousands separator. */
    YEAR(0);

    private final int scale;

    ExportFormat(int scale) {
        this.scale = scale;
    }

    public int scale() {
        return scale;
    }

    /** The value rounded as exported, or null for a non-number or an empty cell. */
    public @Nullable BigDecimal rounded(@Nullable Object value) {
        if (scale < 0 || value == null) {
            return null;
        }
        return round(value);
    }

    /** A number rounded as exported, in a format of numbers. */
    public BigDecimal round(Object value) {
        if (scale < 0) {
            throw new IllegalStateException(this + " is not a format of numbers");
        }
        BigDecimal n = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        BigDecimal r = n.setScale(scale, RoundingMode.HALF_UP);
        // -0.04 rounds to 0.0, not -0.0
        return r.signum() == 0 ? r.abs() : r;
    }

    public String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case TEXT -> value.toString();
            case BOOLEAN -> ((Boolean) value) ? "true" : "false";
            default -> round(value).toPlainString();
        };
    }

}
