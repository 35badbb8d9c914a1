package kr.seoul.sogong.outcomes.rows;

import org.jspecify.annotations.Nullable;

/**
 * 사업자등록번호: ten digits, 3-2-5, the last a check digit (contract §3). Parsing reports which
 * of FORMAT or BRN_CHECKSUM a text breaks; {@link #masked(String)} is the only form in
 * which a number may appear in anything an operator or the committee reads.
 */
public record BusinessRegistrationNumber(String digits) {

    private static final int[] WEIGHTS = { 1, 3, 7, 1, 3, 7, 1, 3, 5 };

    public BusinessRegistrationNumber {
        if (!isWellFormed(digits) || !hasValidCheckDigit(digits)) {
            throw new IllegalArgumentException("not a valid business registration number");
        }
    }

    /** Dashes and spaces removed; null when what is left is not ten digits. */
    public static @Nullable String normalize(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replace("-", "").replace(" ", "").strip();
        return isWellFormed(digits) ? digits : null;
    }

    public static boolean isWellFormed(String digits) {
        if (digits == null || digits.length() != 10) {
            return false;
        }
        // a loop: every row has a business number
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * S = Σ di·wi (i = 1..9), S += floor(d9·5 / 10); valid iff (10 − S mod 10) mod 10 ==
     * d10.
     */
    public static boolean hasValidCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += ((digits.charAt(8) - '0') * 5) / 10;
        return (10 - sum % 10) % 10 == digits.charAt(9) - '0';
    }

    /**
     * The check digit that makes nine digits a valid number; the sample generator uses
     * it.
     */
    public static int checkDigitFor(String nineDigits) {
        for (int d = 0; d <= 9; d++) {
            if (hasValidCheckDigit(nineDigits + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no check digit for " + nineDigits);
    }

    /**
     * {@code 123-45-*****}: the tax office and type digits only; any other text is masked
     * whole.
     */
    public static String masked(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < 5) {
            return "*".repeat(Math.min(text.strip().length(), 10));
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-*****";
    }

    public String masked() {
        return masked(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
