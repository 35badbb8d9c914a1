package kr.seoul.sogong.outcomes.tables;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.centers.Center;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import kr.seoul.sogong.outcomes.store.DigestStore;
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

    private final DigestStore digests;

    private final SideScans scans;

    public OutcomeCalculator(IntakeStore intake, RowTables rows, VerdictStore verdicts, DigestStore digests,
            SideScans scans) {
        this.digests = digests;
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
        Map<String, Tallies.Firms> firms = new HashMap<>();
        digests.read(round, RowTable.PARTICIPANT, r -> {
            if (setApart.rejected(r)) {
                return;
            }
            // DUPLICATE leaves one accepted row per center and firm: counting rows counts
            // firms
            Tallies.Firms f = firms.computeIfAbsent(r.center, k -> new Tallies.Firms());
            f.supported++;
            if (r.completed) {
                f.completed++;
            }
            hours.merge(r.center, r.educationHours == null ? BigDecimal.ZERO : r.educationHours, BigDecimal::add);
        });
        Map<String, Tallies.Survey> survey = new HashMap<>();
        digests.read(round, RowTable.SURVEY_RESPONSE, r -> {
            if (setApart.rejected(r)) {
                return;
            }
            Tallies.Survey v = survey.computeIfAbsent(r.center, k -> new Tallies.Survey());
            v.responses++;
            if (!setApart.stranger(r)) {
                v.participantResponses++;
            }
            for (int i = 0; i < v.items.length; i++) {
                int q = r.answers[i];
                // 9 is 모름, 0 blank: not a rating
                if (q >= 1 && q <= 5) {
                    v.items[i].rate(q);
                }
            }
            for (Need n : NEEDS) {
                if (r.has(n)) {
                    v.needs[n.ordinal()]++;
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

    private static final Need[] NEEDS = Need.values();

    private List<Participation> participation(List<Center> centers, Map<String, Tallies.Firms> firms,
            Map<String, Tallies.Survey> survey) {
        List<Participation> rows = new ArrayList<>();
        long target = 0;
        for (Center c : centers) {
            target += c.targetFirms();
            rows.add(participationRow(c.code(), c.name(), c.targetFirms(),
                    firms.getOrDefault(c.code(), new Tallies.Firms()),
                    survey.getOrDefault(c.code(), new Tallies.Survey())));
        }
        rows.add(participationRow(OutcomeTables.ALL, "", target, Tallies.all(firms.values(), Tallies.Firms::new),
                Tallies.all(survey.values(), Tallies.Survey::new)));
        return rows;
    }

    private static Participation participationRow(String code, String name, long target, Tallies.Firms firms,
            Tallies.Survey responses) {
        return new Participation(code, name, (int) target, (int) firms.supported, (int) firms.completed,
                LikertStatistics.percent(firms.completed, firms.supported), (int) responses.responses,
                (int) responses.participantResponses,
                LikertStatistics.percent(responses.participantResponses, firms.supported));
    }

    private List<Satisfaction> satisfaction(List<Center> centers, Map<String, Tallies.Survey> survey, int minCell) {
        List<Satisfaction> rows = new ArrayList<>();
        for (Center c : centers) {
            addItems(rows, c.code(), survey.getOrDefault(c.code(), new Tallies.Survey()), minCell);
        }
        addItems(rows, OutcomeTables.ALL, Tallies.all(survey.values(), Tallies.Survey::new), minCell);
        return rows;
    }

    private static void addItems(List<Satisfaction> rows, String center, Tallies.Survey s, int minCell) {
        for (SurveyItem item : ITEMS) {
            Tallies.Ratings r = s.item(item);
            LikertStatistics st = LikertStatistics.of(r.n, r.sum, r.sumOfSquares, r.top2, minCell);
            rows.add(new Satisfaction(center, item, st.n(), st.mean(), st.ci95Low(), st.ci95High(), st.top2Pct(),
                    st.score100(), st.suppressed()));
        }
    }

    /** The outcomes rows summed by center, and their sales growth medians. */
    private record OutcomeSums(Map<String, Tallies.Outcomes> sums, SalesGrowthMedian growth) {
    }

    private OutcomeSums outcomeSums(int round, SetApart setApart) {
        // the sums by center and the median's first pass in one read of the digests, the
        // median's second pass in another
        Map<String, Tallies.Outcomes> sums = new HashMap<>();
        SalesGrowthMedian growth = new SalesGrowthMedian();
        digests.read(round, RowTable.OUTCOME, r -> {
            if (setApart.rejected(r)) {
                return;
            }
            Tallies.Outcomes sum = sums.computeIfAbsent(r.center, k -> new Tallies.Outcomes());
            // a blank count adds nothing, as sum() skips it
            sum.newClients += r.newClients == null ? 0 : r.newClients;
            sum.newOrders += r.newOrders == null ? 0 : r.newOrders;
            if (Boolean.TRUE.equals(r.onlineListed)) {
                sum.onlineListed++;
            }
            sum.patterns += r.patterns == null ? 0 : r.patterns;
            if (SalesGrowthMedian.counts(r.salesBeforeK, r.salesAfterK)) {
                growth.add(r.center, r.salesBeforeK, r.salesAfterK);
            }
        });
        growth.findMiddles();
        digests.read(round, RowTable.OUTCOME, r -> {
            if (SalesGrowthMedian.counts(r.salesBeforeK, r.salesAfterK) && !setApart.rejected(r)) {
                growth.offer(r.center, r.salesBeforeK, r.salesAfterK);
            }
        });
        return new OutcomeSums(sums, growth);
    }

    private List<Kpi> kpi(List<Center> centers, Map<String, BigDecimal> hours, OutcomeSums outcomes) {
        Map<String, Tallies.Outcomes> sums = outcomes.sums();
        SalesGrowthMedian growth = outcomes.growth();
        List<Kpi> rows = new ArrayList<>();
        BigDecimal allHours = BigDecimal.ZERO;
        for (Center c : centers) {
            BigDecimal h = hours.getOrDefault(c.code(), BigDecimal.ZERO);
            allHours = allHours.add(h);
            rows.add(kpiRow(c.code(), sums.getOrDefault(c.code(), new Tallies.Outcomes()), growth, h));
        }
        rows.add(kpiRow(OutcomeTables.ALL, Tallies.all(sums.values(), Tallies.Outcomes::new), growth, allHours));
        return rows;
    }

    /**
     * The median sales growth of a round's firms in some centers, computed as the KPI
     * table computes it (accepted outcomes rows, before &gt; 0, after present): for the
     * year over year over the centers present in both rounds.
     */
    public @Nullable BigDecimal salesGrowthMedian(int round, java.util.Set<String> centers) {
        SalesGrowthMedian growth = new SalesGrowthMedian();
        // the rows' accepted flag, not the digests: an earlier round may have been stored
        // before digests and verdicts were (Flyway V10), and is not run again for this
        // one
        rows.eachSalesOfAcceptedOutcomes(round, (center, before, after) -> {
            if (centers.contains(center) && SalesGrowthMedian.counts(before, after)) {
                growth.add(center, before, after);
            }
        });
        growth.findMiddles();
        rows.eachSalesOfAcceptedOutcomes(round, (center, before, after) -> {
            if (centers.contains(center) && SalesGrowthMedian.counts(before, after)) {
                growth.offer(center, before, after);
            }
        });
        return growth.median(OutcomeTables.ALL);
    }

    private static Kpi kpiRow(String code, Tallies.Outcomes s, SalesGrowthMedian growth, BigDecimal hours) {
        return new Kpi(code, growth.count(code), growth.median(code), s.newClients, s.newOrders, (int) s.onlineListed,
                s.patterns, hours);
    }

    private List<Budget> budget(int round, List<Center> centers) {
        Map<String, RowTables.BudgetSum> sums = new HashMap<>();
        rows.budgetByCenter(round).forEach(b -> sums.put(b.centerCode(), b));
        List<Budget> rows = new ArrayList<>();
        long cap = 0;
        long planned = 0;
        long executed = 0;
        boolean anyOver = false;
        for (Center c : centers) {
            RowTables.BudgetSum s = sums.getOrDefault(c.code(), new RowTables.BudgetSum(c.code(), 0, 0));
            boolean over = s.planned() > c.budgetCapKrw();
            anyOver |= over;
            cap += c.budgetCapKrw();
            planned += s.planned();
            executed += s.executed();
            rows.add(new Budget(c.code(), c.budgetCapKrw(), s.planned(), s.executed(),
                    LikertStatistics.percent(s.executed(), s.planned()), over));
        }
        rows.add(new Budget(OutcomeTables.ALL, cap, planned, executed, LikertStatistics.percent(executed, planned),
                anyOver));
        return rows;
    }

    private List<NeedShare> needs(List<Center> centers, Map<String, Tallies.Survey> survey) {
        List<NeedShare> rows = new ArrayList<>();
        for (Center c : centers) {
            addNeeds(rows, c.code(), survey.getOrDefault(c.code(), new Tallies.Survey()));
        }
        addNeeds(rows, OutcomeTables.ALL, Tallies.all(survey.values(), Tallies.Survey::new));
        return rows;
    }

    private static void addNeeds(List<NeedShare> rows, String center, Tallies.Survey s) {
        for (Need n : NEEDS) {
            long count = s.need(n);
            rows.add(new NeedShare(center, n.korean(), (int) count, LikertStatistics.percent(count, s.responses)));
        }
    }

}
