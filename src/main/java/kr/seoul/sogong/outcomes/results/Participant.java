package kr.seoul.sogong.outcomes.results;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of a center's 참여기업 sheet that passed every single-row rule. */
public record Participant(String centerCode, String brn, String firmName, String support, LocalDate startDate,
        LocalDate endDate, BigDecimal educationHours, boolean completed) {
}
