package kr.seoul.sogong.outcomes.crossrow;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;
import java.util.List;
import kr.seoul.sogong.outcomes.store.RowPlace;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;

/**
 * One row table's keys as columns of primitives (a national round is millions of rows):
 * the firm — its center's index above the ten digits of its business number — the row's
 * place ({@link RowPlace}: file, sheet and row number in reading order) and, for the
 * survey, the submission time. The rules' verdicts are in these terms; the tasklet gives
 * them names.
 */
final class KeyedRows {

    /** A firm's number: {@code centerIndex * FIRMS_PER_CENTER + businessNumber}. */
    static final long FIRMS_PER_CENTER = 10_000_000_000L;

    private final LongArrayList firms;

    private final LongArrayList places;

    /** Only for the survey. */
    private final LongArrayList submitted;

    private final boolean timed;

    /**
     * @param expected how many rows will be added: the columns are sized once (a 5M round
     * judges in a 512 MB heap)
     */
    KeyedRows(boolean timed, int expected) {
        this.timed = timed;
        this.firms = new LongArrayList(expected);
        this.places = new LongArrayList(expected);
        this.submitted = new LongArrayList(timed ? expected : 0);
    }

    /**
     * A verdict on the row at {@code place}; {@code keptPlace} is the kept row of a
     * DUPLICATE.
     */
    record Verdict(long place, long firm, Rule rule, Severity severity, long keptPlace) {
    }

    void add(long firm, long place, long submittedAtMicros) {
        firms.add(firm);
        places.add(place);
        if (timed) {
            submitted.add(submittedAtMicros);
        }
    }

    int size() {
        return firms.size();
    }

    /**
     * DUPLICATE among participants: the same firm twice in one center, every row after
     * the first in reading order. Returns the firms of known centers, sorted (the
     * accepted participants).
     */
    long[] participants(int knownCenters, List<Verdict> verdicts) {
        sortByFirmThenPlace();
        LongArrayList accepted = new LongArrayList();
        forEachFirm((from, to) -> {
            long firm = firms.getLong(from);
            duplicatesAfterFirst(from, to, verdicts);
            if (firm / FIRMS_PER_CENTER < knownCenters) {
                accepted.add(firm);
            }
        });
        return accepted.toLongArray();
    }

    /**
     * Outcomes: NOT_PARTICIPANT (rejected) for a firm not among the participants, else
     * DUPLICATE after the first in reading order.
     */
    void outcomes(long[] participants, List<Verdict> verdicts) {
        sortByFirmThenPlace();
        forEachFirm((from, to) -> {
            long firm = firms.getLong(from);
            if (!contains(participants, firm)) {
                for (int i = from; i < to; i++) {
                    verdicts.add(new Verdict(places.getLong(i), firm, Rule.NOT_PARTICIPANT, Severity.REJECT, -1));
                }
                return;
            }
            duplicatesAfterFirst(from, to, verdicts);
        });
    }

    /**
     * The survey: NOT_PARTICIPANT (a warning, the row stays) for a respondent not among
     * its center's participants; a firm answers once a round, across centers, so every
     * response but the latest submitted (on a tie, the last read) is a DUPLICATE.
     */
    void survey(long[] participants, List<Verdict> verdicts) {
        int n = size();
        if (n >= 1 << INDEX_BITS) {
            throw new IllegalStateException(n + " survey responses: more than the rules across rows can sort");
        }
        // business number above each row's index, one array sorted: 8 bytes a row
        long[] byBusiness = new long[n];
        for (int i = 0; i < n; i++) {
            if (!contains(participants, firms.getLong(i))) {
                verdicts.add(new Verdict(places.getLong(i), firms.getLong(i), Rule.NOT_PARTICIPANT, Severity.WARN, -1));
            }
            byBusiness[i] = (firms.getLong(i) % FIRMS_PER_CENTER) << INDEX_BITS | i;
        }
        LongArrays.radixSort(byBusiness);
        for (int from = 0, to; from < n; from = to) {
            long business = byBusiness[from] >>> INDEX_BITS;
            to = from + 1;
            while (to < n && byBusiness[to] >>> INDEX_BITS == business) {
                to++;
            }
            if (to - from == 1) {
                continue;
            }
            int kept = index(byBusiness[from]);
            for (int k = from + 1; k < to; k++) {
                int i = index(byBusiness[k]);
                if (submitted.getLong(i) > submitted.getLong(kept) || (submitted.getLong(i) == submitted.getLong(kept)
                        && places.getLong(i) > places.getLong(kept))) {
                    kept = i;
                }
            }
            for (int k = from; k < to; k++) {
                int i = index(byBusiness[k]);
                if (i != kept) {
                    verdicts.add(new Verdict(places.getLong(i), firms.getLong(i), Rule.DUPLICATE, Severity.REJECT,
                            places.getLong(kept)));
                }
            }
        }
    }

    /**
     * Business numbers have ten digits (34 bits), which leaves 29 for the row's index.
     */
    private static final int INDEX_BITS = 29;

    private static int index(long businessAndIndex) {
        return (int) (businessAndIndex & ((1L << INDEX_BITS) - 1));
    }

    private void sortByFirmThenPlace() {
        LongArrays.quickSort(firms.elements(), places.elements(), 0, size());
    }

    private interface Group {

        void rows(int from, int to);

    }

    /** Calls {@code group} with each run of one firm, once sorted by firm. */
    private void forEachFirm(Group group) {
        long[] f = firms.elements();
        int n = size();
        for (int from = 0, to; from < n; from = to) {
            to = from + 1;
            while (to < n && f[to] == f[from]) {
                to++;
            }
            group.rows(from, to);
        }
    }

    private void duplicatesAfterFirst(int from, int to, List<Verdict> verdicts) {
        for (int i = from + 1; i < to; i++) {
            verdicts.add(new Verdict(places.getLong(i), firms.getLong(i), Rule.DUPLICATE, Severity.REJECT,
                    places.getLong(from)));
        }
    }

    private static boolean contains(long[] sorted, long firm) {
        return Arrays.binarySearch(sorted, firm) >= 0;
    }

}
