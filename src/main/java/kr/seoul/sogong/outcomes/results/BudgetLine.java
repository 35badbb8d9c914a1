package kr.seoul.sogong.outcomes.results;

/** A row of a center's 예산 sheet. */
public record BudgetLine(String centerCode, String item, long plannedKrw, long executedKrw) {
}
