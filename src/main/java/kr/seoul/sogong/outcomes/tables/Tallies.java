package kr.seoul.sogong.outcomes.tables;

import java.util.Collection;
import java.util.function.Supplier;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.rows.SurveyItem;

/**
 * What the outcome tables count per center while reading the digests, by name: integers
 * only, so a center's and ALL's figures come from the same exact sums.
 */
final class Tallies {

    private Tallies() {
    }

    /** The tallies of every center added up: ALL. */
    static <T extends Tally<T>> T all(Collection<T> byCenter, Supplier<T> empty) {
        T total = empty.get();
        byCenter.forEach(total::add);
        return total;
    }

    interface Tally<T> {

        void add(T other);

    }

    /** Participants: firms supported and completed (one accepted row per firm). */
    static final class Firms implements Tally<Firms> {

        long supported;

        long completed;

        @Override
        public void add(Firms o) {
            supported += o.supported;
            completed += o.completed;
        }

    }

    /** One satisfaction item's ratings 1–5 (9, 모름, and blank are no rating). */
    static final class Ratings {

        long n;

        long sum;

        long sumOfSquares;

        /** Ratings of 4 or 5. */
        long top2;

        void rate(int q) {
            n++;
            sum += q;
            sumOfSquares += (long) q * q;
            if (q >= 4) {
                top2++;
            }
        }

        void add(Ratings o) {
            n += o.n;
            sum += o.sum;
            sumOfSquares += o.sumOfSquares;
            top2 += o.top2;
        }

    }

    /**
     * Survey responses: how many, how many from participants, each item's ratings, each
     * need.
     */
    static final class Survey implements Tally<Survey> {

        long responses;

        long participantResponses;

        final Ratings[] items = new Ratings[SurveyItem.values().length];

        final long[] needs = new long[Need.values().length];

        Survey() {
            for (int i = 0; i < items.length; i++) {
                items[i] = new Ratings();
            }
        }

        Ratings item(SurveyItem item) {
            return items[item.ordinal()];
        }

        long need(Need need) {
            return needs[need.ordinal()];
        }

        @Override
        public void add(Survey o) {
            responses += o.responses;
            participantResponses += o.participantResponses;
            for (int i = 0; i < items.length; i++) {
                items[i].add(o.items[i]);
            }
            for (int i = 0; i < needs.length; i++) {
                needs[i] += o.needs[i];
            }
        }

    }

    /** Outcomes: the counts summed (a blank adds nothing, as SQL's sum skips it). */
    static final class Outcomes implements Tally<Outcomes> {

        long newClients;

        long newOrders;

        long onlineListed;

        long patterns;

        @Override
        public void add(Outcomes o) {
            newClients += o.newClients;
            newOrders += o.newOrders;
            onlineListed += o.onlineListed;
            patterns += o.patterns;
        }

    }

}
