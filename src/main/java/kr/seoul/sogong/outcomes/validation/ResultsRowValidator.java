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
        String firmName = f.text("firm_name");
        String support = f.text("support");
        LocalDate start = f.date("start_date");
        LocalDate end = f.date("end_date");
        BigDecimal hours = f.decimal("education_hours");
        Boolean completed = f.yesNo("completed");
        if (start != null && end != null && end.isBefore(start)) {
            f.add("end_date", end.toString(), Rule.RANGE, Message.of("endBeforeStart", start));
        }
        return f.rejected() ? null : new Participant(center, brn, firmName, support, start, end, hours, completed);
    }

    public Outcome outcome(RowFields f) {
        String center = centerCode(f);
        String brn = f.brn("brn");
        BigDecimal before = f.decimal("sales_before_k");
        BigDecimal after = f.decimal("sales_after_k");
        Integer newClients = f.integer("new_clients");
        Integer newOrders = f.integer("new_orders");
        Boolean online = f.yesNo("online_listed");
        Integer patterns = f.integer("patterns");
        return f.rejected() ? null : new Outcome(center, brn, before, after, newClients, newOrders, online, patterns);
    }

    public BudgetLine budget(RowFields f) {
        String center = centerCode(f);
        String item = f.text("item");
        Long planned = f.whole("planned_krw");
        Long executed = f.whole("executed_krw");
        return f.rejected() ? null : new BudgetLine(center, item, planned, executed);
    }

    private String centerCode(RowFields f) {
        String v = f.text("center_code");
        if (v != null && centers.byCode(v).isEmpty()) {
            f.add("center_code", v, Rule.UNKNOWN_CENTER, Message.of("unknownCenterCode"));
            return null;
        }
        return v;
    }

}
