package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Statistics of one 5-point item from exact integer sums (contract §4): n, mean, the
 * t-based 95% confidence interval, top-2-box share and the 100-point score, with
 * small-cell suppression. Working from n, Σx and Σx² keeps the mean and the variance
 * exact (answers are integers), lets the database do the summing, and pools the ALL row
 * from the centers' sums rather than their means.
 */
public record LikertStatistics(int n, @Nullable BigDecimal mean, @Nullable BigDecimal ci95Low,
        @Nullable BigDecimal ci95High, @Nullable BigDecimal top2Pct, @Nullable BigDecimal score100,
        boolean suppressed) {

    static final MathContext PRECISION = MathContext.DECIMAL128;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param n answers in 1..5 (9 = 모름 and blanks excluded)
     * @param sum Σx over those answers
     * @param sumSq Σx²
     * @param top2 answers 4 or 5
     */
    public static LikertStatistics of(long n, long sum, long sumSq, long top2, int minCell) {
        if (n < minCell || n == 0) {
            return new LikertStatistics((int) n, null, null, null, null, null, true);
        }
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal mean = BigDecimal.valueOf(sum).divide(count, PRECISION);
        BigDecimal low = null;
        BigDecimal high = null;
        if (n >= 2) {
            // s² = (nΣx² − (Σx)²) / (n(n−1)), exact; half-width = t(0.975, n−1) ·
            // sqrt(s²/n)
            BigInteger numerator = BigInteger.valueOf(n)
                .multiply(BigInteger.valueOf(sumSq))
                .subtract(BigInteger.valueOf(sum).pow(2));
            BigDecimal variance = new BigDecimal(numerator)
                .divide(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(n - 1)), PRECISION);
            BigDecimal standardError = variance.divide(count, PRECISION).sqrt(PRECISION);
            BigDecimal t = BigDecimal.valueOf(new TDistribution(null, n - 1).inverseCumulativeProbability(0.975));
            BigDecimal half = t.multiply(standardError, PRECISION);
            low = mean.subtract(half, PRECISION);
            high = mean.add(half, PRECISION);
        }
        BigDecimal top2Pct = BigDecimal.valueOf(top2).multiply(HUNDRED).divide(count, PRECISION);
        BigDecimal score = mean.subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(25));
        return new LikertStatistics((int) n, mean, low, high, top2Pct, score, false);
    }

    /** part ÷ whole × 100, or null when whole is 0. */
    public static @Nullable BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), PRECISION);
    }
}
