package kr.seoul.sogong.outcomes.rows;

import java.util.Locale;
import java.util.Optional;

/**
 * 희망지원분야, in the contract's list order (which is also the order of needs_by_center.csv).
 */
public enum Need {

    SALES("판로"), PROMOTION("홍보"), DESIGN("디자인"), TECH("기술"), EDUCATION("교육"), FINANCE("자금"), STAFF("인력");

    private final String korean;

    Need(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }

    /** The column of survey_response that records this need. */
    public String column() {
        return "need_" + name().toLowerCase(Locale.ROOT);
    }

    /** A need by its Korean name, or (an extension) its English name. */
    public static Optional<Need> of(String value) {
        // a loop: this runs for every need of every response
        for (Need n : ALL) {
            if (n.korean.equals(value) || n.name().equalsIgnoreCase(value)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static final Need[] ALL = values();

}
