package kr.seoul.sogong.outcomes.store;

import kr.seoul.sogong.outcomes.intake.SourceKind;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.rows.Outcome;
import kr.seoul.sogong.outcomes.rows.Participant;
import kr.seoul.sogong.outcomes.rows.SurveyResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Guards what the steps after the ingest read back of the digests a chunk stored: every
 * row, in the order added, with its center, business number (leading zeros too), place,
 * submission time to the microsecond, answers, needs, hours, sales and counts — blanks as
 * blanks, decimals at their column's scale as the tables return them. The rules would
 * judge other firms, and the tables count other figures, otherwise.
 */
class RowDigestsPropertyTest {

    /** A row with its place. */
    record Placed(int sheetIndex, int rowNumber, AcceptedRow row) {
    }

    @Property(tries = 600)
    void whatIsPackedIsReadBack(@ForAll("participants") List<Placed> participants,
            @ForAll("outcomes") List<Placed> outcomes, @ForAll("responses") List<Placed> responses) {
        for (List<Placed> rows : List.of(participants, outcomes, responses)) {
            if (rows.isEmpty()) {
                continue;
            }
            RowDigests.Packer packer = new RowDigests.Packer(rows.get(0).row().table());
            for (Placed p : rows) {
                packer.add(new SourceRow("results/a.xlsx", SourceKind.PARTICIPANTS,
                        p.sheetIndex() == 0 ? "" : "시트" + p.sheetIndex(), p.sheetIndex(), p.rowNumber(), 0,
                        new String[0], null, java.util.Map.of(), false), p.row());
            }
            assertThat(packer.count()).isEqualTo(rows.size());
            List<Placed> read = new ArrayList<>();
            RowDigests.unpack("results/a.xlsx", packer.packed(), new RowDigests.Row(), r -> {
                assertThat(r.sourceFile).isEqualTo("results/a.xlsx");
                assertThat(r.sheet).isEqualTo(r.sheetIndex == 0 ? "" : "시트" + r.sheetIndex);
                read.add(new Placed(r.sheetIndex, r.rowNumber, asRow(rows.get(0).row(), r)));
            });
            assertThat(read).isEqualTo(rows.stream().map(RowDigestsPropertyTest::asStored).toList());
        }
    }

    /** A row as the digest gives it back, in the fields a digest keeps. */
    private static AcceptedRow asRow(AcceptedRow kind, RowDigests.Row r) {
        String brn = String.format("%010d", r.brn);
        if (kind instanceof Participant) {
            return new Participant(r.center, brn, "", null, null, null, r.educationHours, r.completed);
        }
        if (kind instanceof Outcome) {
            return new Outcome(r.center, brn, r.salesBeforeK, r.salesAfterK, r.newClients, r.newOrders, r.onlineListed,
                    r.patterns);
        }
        EnumSet<Need> needs = EnumSet.noneOf(Need.class);
        for (Need n : Need.values()) {
            if (r.has(n)) {
                needs.add(n);
            }
        }
        Integer[] q = new Integer[6];
        for (int i = 0; i < 6; i++) {
            q[i] = r.answers[i] == 0 ? null : r.answers[i];
        }
        return new SurveyResponse(null, LocalDateTime.of(1970, 1, 1, 0, 0).plusNanos(r.submittedAtMicros * 1000), brn,
                "", r.center, null, new SurveyResponse.Answers(q[0], q[1], q[2], q[3], q[4], q[5]), needs, null);
    }

    /** The fields a digest keeps, decimals at their column's scale. */
    private static Placed asStored(Placed p) {
        AcceptedRow stored = switch (p.row().table()) {
            case PARTICIPANT -> {
                Participant x = (Participant) p.row();
                yield new Participant(x.centerCode(), x.brn(), "", null, null, null,
                        x.educationHours() == null ? null : x.educationHours().setScale(2), x.completed());
            }
            case OUTCOME -> {
                Outcome x = (Outcome) p.row();
                yield new Outcome(x.centerCode(), x.brn(), scale3(x.salesBeforeK()), scale3(x.salesAfterK()),
                        x.newClients(), x.newOrders(), x.onlineListed(), x.patterns());
            }
            default -> {
                SurveyResponse x = (SurveyResponse) p.row();
                yield new SurveyResponse(null, x.submittedAt().withNano(x.submittedAt().getNano() / 1000 * 1000),
                        x.brn(), "", x.centerCode(), null, x.answers(), x.needs(), null);
            }
        };
        return new Placed(p.sheetIndex(), p.rowNumber(), stored);
    }

    private static BigDecimal scale3(BigDecimal v) {
        return v == null ? null : v.setScale(3);
    }

    private static final Arbitrary<String> CENTERS = Arbitraries.of("AAA", "BONGIK", "성수", "C-12");

    private static final Arbitrary<String> BRNS = Arbitraries.strings().numeric().ofLength(10);

    private static Arbitrary<Integer> nullable(Arbitrary<Integer> v) {
        return v.injectNull(0.2);
    }

    /**
     * Decimals with up to {@code scale} places and up to {@code digits} digits, some
     * blank.
     */
    private static Arbitrary<BigDecimal> decimals(int digits, int scale) {
        return Combinators
            .combine(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(digits - scale),
                    Arbitraries.integers().between(0, scale), Arbitraries.of(1, 1, 1, -1))
            .as((d, s, sign) -> new BigDecimal(d).movePointLeft(s).multiply(BigDecimal.valueOf(sign)))
            .injectNull(0.2);
    }

    private static <T extends AcceptedRow> Arbitrary<List<Placed>> placed(Arbitrary<T> rows) {
        return Combinators
            .combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, Integer.MAX_VALUE), rows)
            .as((s, n, r) -> new Placed(s, n, (AcceptedRow) r))
            .list()
            .ofMaxSize(120);
    }

    @Provide
    Arbitrary<List<Placed>> participants() {
        return placed(Combinators.combine(CENTERS, BRNS, decimals(12, 2), Arbitraries.of(true, false))
            .as((c, b, h, done) -> new Participant(c, b, "", null, null, null, h, done)));
    }

    @Provide
    Arbitrary<List<Placed>> outcomes() {
        Arbitrary<Integer> counts = nullable(Arbitraries.integers().between(0, Integer.MAX_VALUE));
        return placed(Combinators
            .combine(CENTERS, BRNS, decimals(20, 3), decimals(20, 3), counts, counts,
                    Arbitraries.of(true, false).injectNull(0.3), counts)
            .as((c, b, before, after, clients, orders, listed, patterns) -> new Outcome(c, b, before, after, clients,
                    orders, listed, patterns)));
    }

    @Provide
    Arbitrary<List<Placed>> responses() {
        Arbitrary<Integer> answer = nullable(Arbitraries.of(1, 2, 3, 4, 5, 9));
        Arbitrary<SurveyResponse.Answers> answers = Combinators.combine(answer, answer, answer, answer, answer, answer)
            .as(SurveyResponse.Answers::new);
        Arbitrary<EnumSet<Need>> needs = Arbitraries.of(Need.class).set().map(s -> {
            EnumSet<Need> e = EnumSet.noneOf(Need.class);
            e.addAll(s);
            return e;
        });
        Arbitrary<LocalDateTime> times = Arbitraries.longs()
            .between(-2_000_000_000_000L, 4_000_000_000_000L)
            .map(ms -> LocalDateTime.of(1970, 1, 1, 0, 0).plusNanos(ms * 1_000_000 + ms % 1000 * 1000));
        return placed(Combinators.combine(CENTERS, BRNS, times, answers, needs)
            .as((c, b, t, a, n) -> new SurveyResponse(null, t, b, "", c, null, a, n, null)));
    }

}
