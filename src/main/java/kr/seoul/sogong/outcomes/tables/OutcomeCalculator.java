package kr.seoul.sogong.outcomes.tables;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.centers.Center;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.store.RowTables;
import kr.seoul.sogong.outcomes.store.VerdictStore;
import kr.seoul.sogong.outcomes.store.RowDigests;
import kr.seoul.sogong.outcomes.store.RowPlace;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Budget;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Kpi;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.NeedShare;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Participation;
import kr.seoul.sogong.outcomes.tables.OutcomeTables.Satisfaction;
import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.scans.SideScans;
import org.springframework.stereotype.Component;

/**
 * Computes the outcome tables of contract §4 from the accepted rows of a round, read as
 * the digests the ingest stored with each chunk ({@link RowDigests}) less the rows the
 * rules across rows set apart: counts and sums in integers and exact decimals, then what
 * needs exact arithmetic (means and variances from integer sums, the median, the t
 * quantile from Commons Math). Every ALL figure is recomputed from pooled counts and
 * sums, never averaged over centers. The budget lines, a few per center, are summed by
 * the database.
 */
@Component
public class OutcomeCalculator {

    private static final List<SurveyItem> ITEMS = List.of(SurveyItem.values());

    private final IntakeStore intake;

    private final RowTables rows;

    private final VerdictStore verdicts;

    private final SideScans scans;

    public OutcomeCalculator(IntakeStore intake, RowTables rows, VerdictStore verdicts, SideScans scans) {
        this.intake = intake;
        this.rows = rows;
        this.verdicts = verdicts;
        this.scans = scans;
    }

    public OutcomeTables compute(int round, long jobExecutionId, int minCell, List<OutcomeTables.YearOverYear> yoy) {
        List<Center> centers = intake.centers(round);
        SetApart setApart = new SetApart(round);
        // from the digests the ingest stored with each chunk, not the row tables (a scan
        // of each cost seconds on H2 at a million rows); the outcomes beside the others
        SideScans.Scan<OutcomeSums> outcomeScan = scans.start("outcomes", () -> outcomeSums(round, setApart));
        Map<String, BigDecimal> hours = new HashMap<>();
        Map<String, long[]> firms = new HashMap<>();
        intake.readDigests(round, RowTable.PARTICIPANT, r -> {
            if (setApart.rejected(r)) {
                return;
            }
            // DUPLICATE leaves one accepted row per center and firm: counting rows counts
            // firms
            long[] f = firms.computeIfAbsent(r.center, k -> new long[2]);
            f[0]++;
            if (r.completed) {
                f[1]++;
            }
            hours.merge(r.center, r.educationHours == null ? BigDecimal.ZERO : r.educationHours, BigDecimal::add);
        });
        Map<String, long[]> survey = new HashMap<>();
        intake.readDigests(round, RowTable.SURVEY_RESPONSE, r -> {
            if (setApart.rejected(r)) {
                return;
            }
            long[] v = survey.computeIfAbsent(r.center, k -> new long[SURVEY_WIDTH]);
            v[0]++;
            if (!setApart.stranger(r)) {
                v[1]++;
            }
            for (int i = 0; i < ITEMS.size(); i++) {
                int q = r.answers[i];
                int at = ITEMS_AT + i * 4;
                // 9 is 모름, 0 blank: not a rating
                if (q >= 1 && q <= 5) {
                    v[at]++;
                    v[at + 1] += q;
                    v[at + 2] += q * q;
                    if (q >= 4) {
                        v[at + 3]++;
                    }
                }
            }
            for (Need n : Need.values()) {
                if (r.has(n)) {
                    v[NEEDS_AT + n.ordinal()]++;
                }
            }
        });
        return new OutcomeTables(round, jobExecutionId, participation(centers, firms, survey),
                satisfaction(centers, survey, minCell), kpi(centers, hours, outcomeScan.result()),
                budget(round, centers), needs(centers, survey), yoy);
    }

    /**
     * The rows the rules across rows set apart ({@code cross_row_verdict}), by place:
     * rejected rows, and the survey's respondents who are not participants. A few
     * thousand in a national round.
     */
    private final class SetApart {

        private final Map<String, Integer> fileSeq = new HashMap<>();

        private final LongOpenHashSet rejected = new LongOpenHashSet();

        private final LongOpenHashSet strangers = new LongOpenHashSet();

        SetApart(int round) {
            intake.allFiles(round).forEach(f -> fileSeq.put(f.sourceFile(), f.fileSeq()));
            verdicts.each(round, v -> {
                long place = RowPlace.of(seq(v.sourceFile()), v.sheetIndex(), v.rowNumber());
                (v.rejected() ? rejected : strangers).add(place);
            });
        }

        private int seq(String file) {
            Integer seq = fileSeq.get(file);
            // a file's digests and verdicts go with it (forgetFile)
            if (seq == null) {
                throw new IllegalStateException("rows of " + file + ", a file the round does not have");
            }
            return seq;
        }

        private long place(RowDigests.Row r) {
            return RowPlace.of(seq(r.sourceFile), r.sheetIndex, r.rowNumber);
        }

        /** Places are unique across tables: a source row is stored in one table. */
        boolean rejected(RowDigests.Row r) {
            return !rejected.isEmpty() && rejected.contains(place(r));
        }

        boolean stranger(RowDigests.Row r) {
            return !strangers.isEmpty() && strangers.contains(place(r));
        }

    }

    /**
     * Survey columns: responses, participant responses, then n, Σx, Σx², top-2 for
     * q1..q6, then each need.
     */
    private static final int SURVEY_WIDTH = 2 + 6 * 4 + Need.values().length;

    private static final int ITEMS_AT = 2;

    private static final int NEEDS_AT = 2 + 6 * 4;

    private static long[] sum(Map<String, long[]> byCenter, int width) {
        long[] total = new long[width];
        for (long[] v : byCenter.values()) {
            for (int i = 0; i < width; i++) {
                total[i] += v[i];
            }
        }
        return total;
    }

    private List<Participation> participation(List<Center> centers, Map<String, long[]> firms,
            Map<String, long[]> survey) {
        List<Participation> rows = new ArrayList<>();
        long target = 0;
        for (Center c : centers) {
            target += c.targetFirms();
            rows.add(participationRow(c.code(), c.name(), c.targetFirms(), firms.getOrDefault(c.code(), new long[2]),
                    survey.getOrDefault(c.code(), new long[SURVEY_WIDTH])));
        }
        rows.add(participationRow(OutcomeTables.ALL, "", target, sum(firms, 2), sum(survey, SURVEY_WIDTH)));
        return rows;
    }

    private static Participation participationRow(String code, String name, long target, long[] firms,
            long[] responses) {
        return new Participation(code, name, (int) target, (int) firms[0], (int) firms[1],
                LikertStatistics.percent(firms[1], firms[0]), (int) responses[0], (int) responses[1],
                LikertStatistics.percent(responses[1], firms[0]));
    }

    private List<Satisfaction> satisfaction(List<Center> centers, Map<String, long[]> survey, int minCell) {
        List<Satisfaction> rows = new ArrayList<>();
        for (Center c : centers) {
            addItems(rows, c.code(), survey.getOrDefault(c.code(), new long[SURVEY_WIDTH]), minCell);
        }
        addItems(rows, OutcomeTables.ALL, sum(survey, SURVEY_WIDTH), minCell);
        return rows;
    }

    private static void addItems(List<Satisfaction> rows, String center, long[] s, int minCell) {
        for (int i = 0; i < ITEMS.size(); i++) {
            int at = ITEMS_AT + i * 4;
            LikertStatistics st = LikertStatistics.of(s[at], s[at + 1], s[at + 2], s[at + 3], minCell);
            rows.add(new Satisfaction(center, ITEMS.get(i), st.n(), st.mean(), st.ci95Low(), st.ci95High(),
                    st.top2Pct(), st.score100(), st.suppressed()));
        }
    }

    /** The outcomes rows summed by center, and their sales growth medians. */
    private record OutcomeSums(Map<String, long[]> sums, SalesGrowthMedian growth) {
    }

    private OutcomeSums outcomeSums(int round, SetApart setApart) {
        // the sums by center and the median's first pass in one read of the digests, the
        // median's second pass in another
        Map<String, long[]> sums = new HashMap<>();
        SalesGrowthMedian growth = new SalesGrowthMedian();
        intake.readDigests(round, RowTable.OUTCOME, r -> {
            if (setApart.rejected(r)) {
                return;
            }
            long[] sum = sums.computeIfAbsent(r.center, k -> new long[4]);
            // a blank count adds nothing, as sum() skips it
            sum[0] += r.newClients == null ? 0 : r.newClients;
            sum[1] += r.newOrders == null ? 0 : r.newOrders;
            if (Boolean.TRUE.equals(r.onlineListed)) {
                sum[2]++;
            }
            sum[3] += r.patterns == null ? 0 : r.patterns;
            if (hasGrowth(r)) {
                growth.add(r.center, r.salesBeforeK, r.salesAfterK);
            }
        });
        growth.findMiddles();
        intake.readDigests(round, RowTable.OUTCOME, r -> {
            if (hasGrowth(r) && !setApart.rejected(r)) {
                growth.offer(r.center, r.salesBeforeK, r.salesAfterK);
            }
        });
        return new OutcomeSums(sums, growth);
    }

    /** As RowTables' sales of accepted outcomes: sales before above zero, after given. */
    private static boolean hasGrowth(RowDigests.Row r) {
        return r.salesBeforeK != null && r.salesBeforeK.signum() > 0 && r.salesAfterK != null;
    }

    private List<Kpi> kpi(List<Center> centers, Map<String, BigDecimal> hours, OutcomeSums outcomes) {
        Map<String, long[]> sums = outcomes.sums();
        SalesGrowthMedian growth = outcomes.growth();
        List<Kpi> rows = new ArrayList<>();
        BigDecimal allHours = BigDecimal.ZERO;
        for (Center c : centers) {
            BigDecimal h = hours.getOrDefault(c.code(), BigDecimal.ZERO);
            allHours = allHours.add(h);
            rows.add(kpiRow(c.code(), sums.getOrDefault(c.code(), new long[4]), growth, h));
        }
        rows.add(kpiRow(OutcomeTables.ALL, sum(sums, 4), growth, allHours));
        return rows;
    }

    /**
     * The median sales growth of a round's firms in some centers, computed as the KPI
     * table computes it (accepted outcomes rows, before &gt; 0, after present): for the
     * year over year over the centers present in both rounds.
     */
    public BigDecimal salesGrowthMedian(int round, java.util.Set<String> centers) {
        SalesGrowthMedian growth = new SalesGrowthMedian();
        rows.eachSalesOfAcceptedOutcomes(round, (center, before, after) -> {
            if (centers.contains(center)) {
                growth.add(center, before, after);
            }
        });
        growth.findMiddles();
        rows.eachSalesOfAcceptedOutcomes(round, (center, before, after) -> {
            if (centers.contains(center)) {
                growth.offer(center, before, after);
            }
        });
        return growth.median(OutcomeTables.ALL);
    }

    private static Kpi kpiRow(String code, long[] s, SalesGrowthMedian growth, BigDecimal hours) {
        return new Kpi(code, growth.count(code), growth.median(code), s[0], s[1], (int) s[2], s[3], hours);
    }

    private List<Budget> budget(int round, List<Center> centers) {
        Map<String, long[]> sums = new HashMap<>();
        rows.budgetByCenter(round).forEach(b -> sums.put(b.centerCode(), new long[] { b.planned(), b.executed() }));
        List<Budget> rows = new ArrayList<>();
        long cap = 0;
        long planned = 0;
        long executed = 0;
        boolean anyOver = false;
        for (Center c : centers) {
            long[] s = sums.getOrDefault(c.code(), new long[2]);
            boolean over = s[0] > c.budgetCapKrw();
            anyOver |= over;
            cap += c.budgetCapKrw();
            planned += s[0];
            executed += s[1];
            rows.add(new Budget(c.code(), c.budgetCapKrw(), s[0], s[1], LikertStatistics.percent(s[1], s[0]), over));
        }
        rows.add(new Budget(OutcomeTables.ALL, cap, planned, executed, LikertStatistics.percent(executed, planned),
                anyOver));
        return rows;
    }

    private List<NeedShare> needs(List<Center> centers, Map<String, long[]> survey) {
        List<NeedShare> rows = new ArrayList<>();
        for (Center c : centers) {
            addNeeds(rows, c.code(), survey.getOrDefault(c.code(), new long[SURVEY_WIDTH]));
        }
        addNeeds(rows, OutcomeTables.ALL, sum(survey, SURVEY_WIDTH));
        return rows;
    }

    private static void addNeeds(List<NeedShare> rows, String center, long[] c) {
        for (Need n : Need.values()) {
            long count = c[NEEDS_AT + n.ordinal()];
            rows.add(new NeedShare(center, n.korean(), (int) count, LikertStatistics.percent(count, c[0])));
        }
    }

}
