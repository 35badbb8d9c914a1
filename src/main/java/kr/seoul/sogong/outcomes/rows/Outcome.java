package kr.seoul.sogong.outcomes.rows;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/** A row of a center's 성과 sheet that passed every single-row rule; null = unknown. */
public record Outcome(String centerCode, String brn, @Nullable BigDecimal salesBeforeK,
        @Nullable BigDecimal salesAfterK, @Nullable Integer newClients, @Nullable Integer newOrders,
        @Nullable Boolean onlineListed, @Nullable Integer patterns) implements FirmRow {

    @Override
    public RowTable table() {
        return RowTable.OUTCOME;
    }

    @Override
    public List<String> columns() {
        return List.of("center_code", "brn", "sales_before_k", "sales_after_k", "new_clients", "new_orders",
                "online_listed", "patterns");
    }

    @Override
    public void addValuesTo(List<Object> row) {
        Collections.addAll(row, centerCode, brn, salesBeforeK, salesAfterK, newClients, newOrders, onlineListed,
                patterns);
    }
}
