package kr.seoul.sogong.outcomes.reports;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import kr.seoul.sogong.outcomes.tables.OutcomeTables;

/**
 * 주요 결과: the few sentences the page opens with, generated from the numbers so each can be
 * traced to a table cell — per headline metric the highest and the lowest center, and
 * every center whose headline rate moved by more than 5 points against the previous
 * round. Each sentence names the table it comes from (its section's anchor).
 *
 * @param text the sentence, with the values it rests on
 * @param table the file name of the table that holds them (the page's anchor)
 */
record KeyFindings(String text, String table) {

    /** Percentage points beyond which a change against the previous round is news. */
    static final BigDecimal NOTABLE_CHANGE = new BigDecimal("5");

    private record Headline(String label, String table, Function<OutcomeTables, Map<String, BigDecimal>> values) {
    }

    private static final List<Headline> HEADLINES = List.of(
            new Headline("전반 만족도(100점 환산)", "satisfaction_by_center.csv",
                    t -> byCenter(t.satisfaction().stream().filter(s -> s.item() == SurveyItem.OVERALL).toList(),
                            OutcomeTables.Satisfaction::centerCode, OutcomeTables.Satisfaction::score100)),
            new Headline("응답률(%)", "participation_by_center.csv",
                    t -> byCenter(t.participation(), OutcomeTables.Participation::centerCode,
                            OutcomeTables.Participation::responseRatePct)),
            new Headline("매출 증가율 중앙값(%)", "kpi_by_center.csv",
                    t -> byCenter(t.kpi(), OutcomeTables.Kpi::centerCode, OutcomeTables.Kpi::salesGrowthMedianPct)),
            new Headline("예산 집행률(%)", "budget_by_center.csv", t -> byCenter(t.budget(),
                    OutcomeTables.Budget::centerCode, OutcomeTables.Budget::executionRatePct)));

    private static <T> Map<String, BigDecimal> byCenter(List<T> rows, Function<T, String> code,
            Function<T, BigDecimal> value) {
        Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
        for (T row : rows) {
            if (!code.apply(row).equals(OutcomeTables.ALL) && value.apply(row) != null) {
                m.put(code.apply(row), value.apply(row));
            }
        }
        return m;
    }

    static List<KeyFindings> of(OutcomeTables t) {
        List<KeyFindings> findings = new ArrayList<>();
        for (Headline h : HEADLINES) {
            Map<String, BigDecimal> values = h.values().apply(t);
            if (values.size() < 2) {
                continue;
            }
            // ties go to the center first by code, both ways
            Comparator<Map.Entry<String, BigDecimal>> byValue = Map.Entry.comparingByValue();
            Optional<Map.Entry<String, BigDecimal>> high = values.entrySet()
                .stream()
                .max(byValue.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
            Optional<Map.Entry<String, BigDecimal>> low = values.entrySet()
                .stream()
                .min(byValue.thenComparing(Map.Entry.comparingByKey()));
            findings.add(new KeyFindings(Particle.SUBJECT.after(h.label()) + " 가장 높은 센터는 "
                    + name(t, high.get().getKey()) + "(" + ExportFormat.ONE_DECIMAL.text(high.get().getValue())
                    + "), 가장 낮은 센터는 " + name(t, low.get().getKey()) + "("
                    + ExportFormat.ONE_DECIMAL.text(low.get().getValue()) + ")입니다.", h.table()));
        }
        for (OutcomeTables.YearOverYear y : t.yoy()) {
            if (y.delta() == null || !y.metric().percentage() || y.centerCode().equals(OutcomeTables.ALL)
                    || y.delta().abs().compareTo(NOTABLE_CHANGE) <= 0) {
                continue;
            }
            String direction = y.delta().signum() > 0 ? "높아졌습니다" : "낮아졌습니다";
            findings.add(new KeyFindings(name(t, y.centerCode()) + "의 " + Particle.SUBJECT.after(y.metric().label())
                    + " 전년보다 " + ExportFormat.ONE_DECIMAL.text(y.delta().abs()) + "%p " + direction + " ("
                    + ExportFormat.ONE_DECIMAL.text(y.previous()) + " → " + ExportFormat.ONE_DECIMAL.text(y.current())
                    + (printedDifferenceDiffers(y) ? "; 증감은 반올림 전 값으로 계산" : "") + ").", "yoy_by_center.csv"));
        }
        return findings;
    }

    /**
     * Whether the printed delta is not the printed values' difference (the contract
     * rounds after computing at full precision): then the sentence says so, where it is
     * read.
     */
    private static boolean printedDifferenceDiffers(OutcomeTables.YearOverYear y) {
        BigDecimal current = new BigDecimal(ExportFormat.ONE_DECIMAL.text(y.current()));
        BigDecimal previous = new BigDecimal(ExportFormat.ONE_DECIMAL.text(y.previous()));
        BigDecimal delta = new BigDecimal(ExportFormat.ONE_DECIMAL.text(Objects.requireNonNull(y.delta())));
        return current.subtract(previous).compareTo(delta) != 0;
    }

    private static String name(OutcomeTables t, String code) {
        return CommitteeWords.centerName(t, code);
    }

}
