package kr.seoul.sogong.outcomes.reports;

/**
 * What the committee reads instead of a center's code (the survey items' and the
 * year-over-year metrics' words are their enums', {@code SurveyItem} and
 * {@code YoyMetric}). The CSVs keep the contract's codes.
 */
final class CommitteeWords {

    static final String ALL_CENTERS = "전체";

    private CommitteeWords() {
    }

    /** A center as the committee calls it: its Korean name, 전체 for ALL. */
    static String centerName(kr.seoul.sogong.outcomes.tables.OutcomeTables t, String code) {
        if (kr.seoul.sogong.outcomes.tables.OutcomeTables.ALL.equals(code)) {
            return ALL_CENTERS;
        }
        return t.participation()
            .stream()
            .filter(p -> p.centerCode().equals(code))
            .map(p -> p.centerName())
            .findFirst()
            .orElse(code);
    }

}
