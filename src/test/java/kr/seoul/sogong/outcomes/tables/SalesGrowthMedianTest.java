package kr.seoul.sogong.outcomes.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two-pass median against the plain one: sort every exact value and take the middle.
 */
class SalesGrowthMedianTest {

    private static BigDecimal sortedMedian(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), LikertStatistics.PRECISION);
    }

    @Test
    void equalsTheExactMedianPerCenterAndPooled() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            SalesGrowthMedian median = new SalesGrowthMedian();
            List<String[]> rows = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                String center = random.nextBoolean() ? "AAA" : "BBB";
                // decimals with ties and values a double cannot hold exactly (0.1 steps)
                BigDecimal before = BigDecimal.valueOf(1 + random.nextInt(5000), random.nextInt(2));
                BigDecimal after = BigDecimal.valueOf(random.nextInt(8000), random.nextInt(2));
                rows.add(new String[] { center, before.toPlainString(), after.toPlainString() });
                median.add(center, before, after);
            }
            median.findMiddles();
            for (String[] r : rows) {
                median.offer(r[0], new BigDecimal(r[1]), new BigDecimal(r[2]));
            }
            for (String key : List.of("AAA", "BBB", OutcomeTables.ALL)) {
                List<BigDecimal> exact = rows.stream()
                    .filter(r -> key.equals(OutcomeTables.ALL) || r[0].equals(key))
                    .map(r -> SalesGrowthMedian.exactly(new BigDecimal(r[1]), new BigDecimal(r[2])))
                    .toList();
                assertThat(median.count(key)).isEqualTo(exact.size());
                if (exact.isEmpty()) {
                    assertThat(median.median(key)).isNull();
                }
                else {
                    assertThat(median.median(key)).as("trial %d, %s", trial, key)
                        .isEqualByComparingTo(sortedMedian(exact));
                }
            }
        }
    }

}
