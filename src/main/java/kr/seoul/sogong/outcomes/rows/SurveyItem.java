package kr.seoul.sogong.outcomes.rows;

import java.util.Optional;

/**
 * The survey's six satisfaction items (문1–문6), in the contract's order (which is also the
 * order of satisfaction_by_center.csv): the survey file's header, the code the rows, the
 * tables and the CSVs use, and the committee's label, stated once.
 */
public enum SurveyItem {

    Q1("문1_전반만족", "문1 전반 만족도"), Q2("문2_교육컨설팅만족", "문2 교육·컨설팅 만족도"), Q3("문3_판로홍보만족", "문3 판로·홍보 만족도"),
    Q4("문4_센터운영만족", "문4 센터 운영 만족도"), Q5("문5_재참여의향", "문5 재참여 의향"), Q6("문6_추천의향", "문6 추천 의향");

    /** 문1, overall satisfaction: the item the headline figures and year over year use. */
    public static final SurveyItem OVERALL = Q1;

    private static final SurveyItem[] ALL = values();

    private final String code;

    private final String header;

    private final String label;

    SurveyItem(String header, String label) {
        // interned, as the rules' other aliases are: SourceKind.indexOf finds it by
        // reference on every row
        this.code = ("q" + (ordinal() + 1)).intern();
        this.header = header;
        this.label = label;
    }

    /**
     * {@code q1}..{@code q6}: the column's alias, survey_response's column and the item
     * of satisfaction_by_center.
     */
    public String code() {
        return code;
    }

    /** The survey file's header of the column. */
    public String header() {
        return header;
    }

    /** How the committee's files name it. */
    public String label() {
        return label;
    }

    public static Optional<SurveyItem> ofCode(String code) {
        for (SurveyItem item : ALL) {
            if (item.code().equals(code)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

}
