package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The median of (after − before) ÷ before × 100 per center and pooled over all centers,
 * exact, in bounded memory. Pass 1 keeps each growth as a double (8 bytes a firm instead
 * of a BigDecimal) to find which values stand in the middle; pass 2 computes those one or
 * two values exactly from their rows. Two growths closer than a double can tell apart
 * (about 1e-16 relative) may swap places in the order; their difference is far below the
 * exported precision.
 */
final class SalesGrowthMedian {

    static final String ALL = OutcomeTables.ALL;

    private final Map<String, double[]> values = new HashMap<>();

    private final Map<String, Integer> sizes = new HashMap<>();

    private @Nullable Map<String, double[]> middles;

    private final Map<String, BigDecimal[]> exact = new HashMap<>();

    /**
     * Whose growth counts (contract §4): sales before above zero, sales after given. The
     * one definition, for the KPI table's medians and the year over year's.
     */
    @Contract("null, _ -> false; _, null -> false")
    static boolean counts(@Nullable BigDecimal before, @Nullable BigDecimal after) {
        return before != null && before.signum() > 0 && after != null;
    }

    static double approximate(BigDecimal before, BigDecimal after) {
        return (after.doubleValue() - before.doubleValue()) * 100 / before.doubleValue();
    }

    static BigDecimal exactly(BigDecimal before, BigDecimal after) {
        return after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, LikertStatistics.PRECISION);
    }

    /** Pass 1: one firm's growth. */
    void add(String center, BigDecimal before, BigDecimal after) {
        double g = approximate(before, after);
        append(center, g);
        append(ALL, g);
    }

    private void append(String key, double g) {
        double[] a = values.computeIfAbsent(key, k -> new double[16]);
        int n = sizes.getOrDefault(key, 0);
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            values.put(key, a);
        }
        a[n] = g;
        sizes.put(key, n + 1);
    }

    /** Between the passes: which approximate values are the middle ones. */
    void findMiddles() {
        middles = new HashMap<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            int n = Objects.requireNonNull(sizes.get(e.getKey()), "a key with values has a size");
            double[] a = Arrays.copyOf(e.getValue(), n);
            Arrays.sort(a);
            middles.put(e.getKey(), n % 2 == 1 ? new double[] { a[n / 2] } : new double[] { a[n / 2 - 1], a[n / 2] });
        }
        // only the middles are needed from here on
        values.clear();
    }

    /** Pass 2: the exact value of a firm whose growth is a middle one. */
    void offer(String center, BigDecimal before, BigDecimal after) {
        double g = approximate(before, after);
        for (String key : new String[] { center, ALL }) {
            // between the passes findMiddles found the middles of every key pass 1 saw
            double[] m = Objects.requireNonNull(Objects.requireNonNull(middles).get(key));
            for (int i = 0; i < m.length; i++) {
                BigDecimal[] x = exact.computeIfAbsent(key, k -> new BigDecimal[m.length]);
                if (m[i] == g && x[i] == null) {
                    x[i] = exactly(before, after);
                }
            }
        }
    }

    int count(String key) {
        return sizes.getOrDefault(key, 0);
    }

    /** The median, or null when no firm has both sales figures. */
    @Nullable BigDecimal median(String key) {
        BigDecimal[] x = exact.get(key);
        if (x == null) {
            return null;
        }
        return x.length == 1 ? x[0] : x[0].add(x[1]).divide(BigDecimal.valueOf(2), LikertStatistics.PRECISION);
    }

}
