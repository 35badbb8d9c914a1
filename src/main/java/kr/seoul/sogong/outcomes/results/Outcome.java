package kr.seoul.sogong.outcomes.results;

import java.math.BigDecimal;

/** A row of a center's 성과 sheet that passed every single-row rule; null = unknown. */
public record Outcome(String centerCode, String brn, BigDecimal salesBeforeK, BigDecimal salesAfterK,
        Integer newClients, Integer newOrders, Boolean onlineListed, Integer patterns) {
}
