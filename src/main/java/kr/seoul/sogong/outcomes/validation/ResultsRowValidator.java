package kr.seoul.sogong.outcomes.validation;

import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.rows.BudgetLine;
import kr.seoul.sogong.outcomes.rows.Outcome;
import kr.seoul.sogong.outcomes.rows.Participant;

import java.math.BigDecimal;
import java.time.LocalDate;
import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.findings.Rule;

/**
 * The single-row rules of the three results sheets (contract §2–3); each returns null
 * when the row is rejected.
 */
public final class ResultsRowValidator {

    private final CenterDirectory centers;

    public ResultsRowValidator(CenterDirectory centers) {
        this.centers = centers;
    }

    public Participant participant(RowFields f) {
        String center = centerCode(f);
        String brn = f.brn("brn");
        String firmName = f.text("firm_name", true);
        String support = f.text("support", false);
        LocalDate start = f.date("start_date", true);
        LocalDate end = f.date("end_date", true);
        BigDecimal hours = f.decimal("education_hours", false);
        Boolean completed = f.yesNo("completed", true);
        if (start != null && end != null && end.isBefore(start)) {
            f.add("end_date", end.toString(), Rule.RANGE, Message.of("endBeforeStart", start));
        }
        return f.rejected() ? null : new Participant(center, brn, firmName, support, start, end, hours, completed);
    }

    public Outcome outcome(RowFields f) {
        String center = centerCode(f);
        String brn = f.brn("brn");
        BigDecimal before = f.decimal("sales_before_k", false);
        BigDecimal after = f.decimal("sales_after_k", false);
        Integer newClients = f.integer("new_clients", false);
        Integer newOrders = f.integer("new_orders", false);
        Boolean online = f.yesNo("online_listed", false);
        Integer patterns = f.integer("patterns", false);
        return f.rejected() ? null : new Outcome(center, brn, before, after, newClients, newOrders, online, patterns);
    }

    public BudgetLine budget(RowFields f) {
        String center = centerCode(f);
        String item = f.text("item", true);
        Long planned = f.whole("planned_krw", true);
        Long executed = f.whole("executed_krw", true);
        return f.rejected() ? null : new BudgetLine(center, item, planned, executed);
    }

    private String centerCode(RowFields f) {
        String v = f.text("center_code", true);
        if (v != null && centers.byCode(v).isEmpty()) {
            f.add("center_code", v, Rule.UNKNOWN_CENTER, Message.of("unknownCenterCode"));
            return null;
        }
        return v;
    }

}
