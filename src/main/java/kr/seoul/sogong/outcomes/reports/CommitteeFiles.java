package kr.seoul.sogong.outcomes.reports;

import java.util.Set;

/**
 * The outputs the steering committee reads: the outcome tables, the workbook and the
 * page. They hold aggregates only — no firm's row, name or number — so the console lets a
 * VIEWER download them; every other output (rejects, data quality, manifest, corrections)
 * is for operators.
 */
public final class CommitteeFiles {

    public static final String WORKBOOK = "committee-report.xlsx";

    public static final String PAGE = "committee-report.html";

    /** The committee's files by name, as they lie in {@code output/<round>/}. */
    public static final Set<String> NAMES = Set.of("participation_by_center.csv", "satisfaction_by_center.csv",
            "kpi_by_center.csv", "budget_by_center.csv", "needs_by_center.csv", "yoy_by_center.csv", WORKBOOK, PAGE);

    private CommitteeFiles() {
    }

}
