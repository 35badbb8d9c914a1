package kr.seoul.sogong.outcomes.crossrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.store.RowPlace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Holds the rules across rows, judged on primitive columns sorted by firm, to the rules
 * as contract §7 states them, computed here the plain way (a map per firm): DUPLICATE
 * keeps the first participant and outcome in reading order and the latest survey response
 * (on a tie the last read), NOT_PARTICIPANT rejects an outcome and warns on a response of
 * a firm that is not among its center's accepted participants. Many small rounds with few
 * firms, so duplicates, ties and strangers are common; whatever order the chunks stored
 * the keys in.
 */
class KeyedRowsPropertyTest {

    /** A keyed row as generated: its firm, its place, its submission time. */
    record Row(int center, long brn, int file, int sheet, int row, long submitted) {
        long firm() {
            return center * KeyedRows.FIRMS_PER_CENTER + brn;
        }

        long place() {
            return RowPlace.of(file, sheet, row);
        }
    }

    @Property(tries = 3000)
    void theRulesOnColumnsAreTheRulesAsWritten(@ForAll("rows") List<Row> participants,
            @ForAll("rows") List<Row> outcomes, @ForAll("rows") List<Row> survey) {
        List<KeyedRows.Verdict> verdicts = new ArrayList<>();
        long[] accepted = columns(participants).participants(3, verdicts);
        Set<KeyedRows.Verdict> expected = new HashSet<>();
        Map<Long, Row> firstParticipant = firstInReadingOrder(participants, expected);
        Set<Long> acceptedFirms = new TreeSet<>();
        firstParticipant.keySet().stream().filter(f -> f / KeyedRows.FIRMS_PER_CENTER < 3).forEach(acceptedFirms::add);
        assertThat(accepted).containsExactly(acceptedFirms.stream().mapToLong(Long::longValue).toArray());
        assertThat(new HashSet<>(verdicts)).isEqualTo(expected);
        assertThat(verdicts).hasSameSizeAs(expected);

        verdicts.clear();
        expected.clear();
        columns(outcomes).outcomes(accepted, verdicts);
        List<Row> ofParticipants = new ArrayList<>();
        for (Row r : outcomes) {
            if (acceptedFirms.contains(r.firm())) {
                ofParticipants.add(r);
            }
            else {
                expected.add(new KeyedRows.Verdict(r.place(), r.firm(), Rule.NOT_PARTICIPANT, Severity.REJECT, -1));
            }
        }
        firstInReadingOrder(ofParticipants, expected);
        assertThat(new HashSet<>(verdicts)).isEqualTo(expected);
        assertThat(verdicts).hasSameSizeAs(expected);

        verdicts.clear();
        expected.clear();
        columns(survey).survey(accepted, verdicts);
        Map<Long, List<Row>> byBusiness = new LinkedHashMap<>();
        for (Row r : survey) {
            if (!acceptedFirms.contains(r.firm())) {
                expected.add(new KeyedRows.Verdict(r.place(), r.firm(), Rule.NOT_PARTICIPANT, Severity.WARN, -1));
            }
            byBusiness.computeIfAbsent(r.brn(), b -> new ArrayList<>()).add(r);
        }
        for (List<Row> answers : byBusiness.values()) {
            Row kept = answers.stream()
                .max(Comparator.comparingLong(Row::submitted).thenComparingLong(Row::place))
                .orElseThrow();
            for (Row r : answers) {
                if (r != kept) {
                    expected
                        .add(new KeyedRows.Verdict(r.place(), r.firm(), Rule.DUPLICATE, Severity.REJECT, kept.place()));
                }
            }
        }
        assertThat(new HashSet<>(verdicts)).isEqualTo(expected);
        assertThat(verdicts).hasSameSizeAs(expected);
    }

    @Property(tries = 3000)
    void aPlaceNamesItsFileSheetAndRowAndSortsInReadingOrder(@ForAll("fileSeqs") int file, @ForAll("sheets") int sheet,
            @ForAll("rowNumbers") int row, @ForAll("fileSeqs") int otherFile, @ForAll("sheets") int otherSheet,
            @ForAll("rowNumbers") int otherRow) {
        long place = RowPlace.of(file, sheet, row);
        assertThat(RowPlace.fileSeq(place)).isEqualTo(file);
        assertThat(RowPlace.sheetIndex(place)).isEqualTo(sheet);
        assertThat(RowPlace.rowNumber(place)).isEqualTo(row);
        Comparator<int[]> readingOrder = Comparator.<int[]>comparingInt(p -> p[0])
            .thenComparingInt(p -> p[1])
            .thenComparingInt(p -> p[2]);
        int expected = Integer.signum(
                readingOrder.compare(new int[] { file, sheet, row }, new int[] { otherFile, otherSheet, otherRow }));
        assertThat(Integer.signum(Long.compare(place, RowPlace.of(otherFile, otherSheet, otherRow))))
            .isEqualTo(expected);
    }

    /** The first row of each firm in reading order; every later row a DUPLICATE of it. */
    private static Map<Long, Row> firstInReadingOrder(List<Row> rows, Set<KeyedRows.Verdict> expected) {
        Map<Long, Row> first = new LinkedHashMap<>();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::place));
        for (Row r : sorted) {
            Row kept = first.putIfAbsent(r.firm(), r);
            if (kept != null) {
                expected.add(new KeyedRows.Verdict(r.place(), r.firm(), Rule.DUPLICATE, Severity.REJECT, kept.place()));
            }
        }
        return first;
    }

    private static KeyedRows columns(List<Row> rows) {
        // and grows
        KeyedRows columns = new KeyedRows(true, rows.size() / 2);
        rows.forEach(r -> columns.add(r.firm(), r.place(), r.submitted()));
        return columns;
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        // center 3 is not a known center: its participants are no one's
        Arbitrary<Row> row = Combinators
            .combine(Arbitraries.integers().between(0, 3),
                    Arbitraries.longs().between(0, 4).map(b -> b * 1_234_567_891L),
                    Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2),
                    Arbitraries.integers().between(0, 40), Arbitraries.longs().between(0, 3))
            .as(Row::new);
        // a row's place names it: no two rows of one table in the same place
        return row.list().ofMaxSize(60).map(list -> {
            Set<Long> seen = new HashSet<>();
            List<Row> distinct = new ArrayList<>();
            for (Row r : list) {
                if (seen.add(r.place())) {
                    distinct.add(r);
                }
            }
            return distinct;
        });
    }

    @Provide
    Arbitrary<Integer> fileSeqs() {
        return Arbitraries.integers().between(0, (1 << 20) - 1).edgeCases(c -> c.includeOnly(0, (1 << 20) - 1));
    }

    @Provide
    Arbitrary<Integer> sheets() {
        return Arbitraries.integers().between(0, 4095).edgeCases(c -> c.includeOnly(0, 4095));
    }

    @Provide
    Arbitrary<Integer> rowNumbers() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Property(tries = 200)
    void aPlaceOutsideTheRulesReachIsRefusedNotWrapped(@ForAll("beyond") int[] fileSheetRow) {
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> RowPlace.of(fileSheetRow[0], fileSheetRow[1], fileSheetRow[2]))
            .isInstanceOf(IllegalStateException.class);
    }

    @Provide
    Arbitrary<int[]> beyond() {
        return Arbitraries.of(new int[] { 1 << 20, 0, 0 }, new int[] { 0, 4096, 0 }, new int[] { -1, 0, 0 },
                new int[] { 0, 0, -1 }, new int[] { 0, -1, 0 });
    }

}
