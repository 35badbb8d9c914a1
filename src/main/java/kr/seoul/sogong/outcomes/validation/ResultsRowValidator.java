package kr.seoul.sogong.outcomes.validation;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.BudgetColumn;
import kr.seoul.sogong.outcomes.intake.ColumnRef;
import kr.seoul.sogong.outcomes.intake.OutcomeColumn;
import kr.seoul.sogong.outcomes.intake.ParticipantColumn;
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

    public @Nullable Participant participant(RowFields f) {
        String center = centerCode(f, ParticipantColumn.CENTER_CODE);
        String brn = f.brn(ParticipantColumn.BRN);
        String firmName = f.text(ParticipantColumn.FIRM_NAME);
        String support = f.text(ParticipantColumn.SUPPORT);
        LocalDate start = f.date(ParticipantColumn.START_DATE);
        LocalDate end = f.date(ParticipantColumn.END_DATE);
        BigDecimal hours = f.decimal(ParticipantColumn.EDUCATION_HOURS);
        Boolean completed = f.yesNo(ParticipantColumn.COMPLETED);
        if (start != null && end != null && end.isBefore(start)) {
            f.add(ParticipantColumn.END_DATE, end.toString(), Rule.RANGE, Message.of("endBeforeStart", start));
        }
        return f.rejected() ? null
                : new Participant(RowFields.present(center), RowFields.present(brn), RowFields.present(firmName),
                        support, RowFields.present(start), RowFields.present(end), hours, RowFields.present(completed));
    }

    public @Nullable Outcome outcome(RowFields f) {
        String center = centerCode(f, OutcomeColumn.CENTER_CODE);
        String brn = f.brn(OutcomeColumn.BRN);
        BigDecimal before = f.decimal(OutcomeColumn.SALES_BEFORE_K);
        BigDecimal after = f.decimal(OutcomeColumn.SALES_AFTER_K);
        Integer newClients = f.integer(OutcomeColumn.NEW_CLIENTS);
        Integer newOrders = f.integer(OutcomeColumn.NEW_ORDERS);
        Boolean online = f.yesNo(OutcomeColumn.ONLINE_LISTED);
        Integer patterns = f.integer(OutcomeColumn.PATTERNS);
        return f.rejected() ? null : new Outcome(RowFields.present(center), RowFields.present(brn), before, after,
                newClients, newOrders, online, patterns);
    }

    public @Nullable BudgetLine budget(RowFields f) {
        String center = centerCode(f, BudgetColumn.CENTER_CODE);
        String item = f.text(BudgetColumn.ITEM);
        Long planned = f.whole(BudgetColumn.PLANNED_KRW);
        Long executed = f.whole(BudgetColumn.EXECUTED_KRW);
        return f.rejected() ? null : new BudgetLine(RowFields.present(center), RowFields.present(item),
                RowFields.present(planned), RowFields.present(executed));
    }

    private @Nullable String centerCode(RowFields f, ColumnRef centerCode) {
        String v = f.text(centerCode);
        if (v != null && centers.byCode(v).isEmpty()) {
            f.add(centerCode, v, Rule.UNKNOWN_CENTER, Message.of("unknownCenterCode"));
            return null;
        }
        return v;
    }

}
