package kr.seoul.sogong.outcomes.centers;

import java.time.LocalDate;

/** A row of centers.csv: one regional center's project in a round. */
public record Center(String code, String name, String district, String industry, String projectTitle, String track,
        long budgetCapKrw, int targetFirms, LocalDate periodStart, LocalDate periodEnd) {
}
