package kr.seoul.sogong.outcomes.validation;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.SurveyColumn;
import kr.seoul.sogong.outcomes.rows.SurveyItem;
import kr.seoul.sogong.outcomes.findings.Message;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.rows.SurveyResponse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.findings.Rule;

/**
 * The single-row rules of a survey response (contract §3); DUPLICATE and NOT_PARTICIPANT
 * come later, set-based.
 */
public final class SurveyRowValidator {

    /** Employees at or above this are not a 소공인 by law. */
    static final int SOGONG_MAX_EMPLOYEES = 10;

    private final CenterDirectory centers;

    private final int round;

    public SurveyRowValidator(CenterDirectory centers, int round) {
        this.centers = centers;
        this.round = round;
    }

    /** The response, or null when a REJECT finding was added to {@code fields}. */
    public @Nullable SurveyResponse validate(RowFields fields) {
        String responseId = fields.row().hasColumn(SurveyColumn.RESPONSE_ID.alias())
                ? fields.text(SurveyColumn.RESPONSE_ID) : fields.madeId(SurveyColumn.RESPONSE_ID);
        LocalDateTime submittedAt = fields.submittedAt(SurveyColumn.SUBMITTED_AT);
        String brn = fields.brn(SurveyColumn.BRN);
        String firmName = fields.text(SurveyColumn.FIRM_NAME);
        String centerCode = center(fields);
        Integer employees = fields.integer(SurveyColumn.EMPLOYEES);
        Integer[] a = new Integer[SurveyItem.values().length];
        for (SurveyItem item : SurveyItem.values()) {
            a[item.ordinal()] = likert(fields, SurveyColumn.answersTo(item));
        }
        SurveyResponse.Answers answers = new SurveyResponse.Answers(a[0], a[1], a[2], a[3], a[4], a[5]);
        EnumSet<Need> needs = needs(fields);
        String comment = fields.text(SurveyColumn.COMMENT);

        if (submittedAt != null && submittedAt.getYear() != round) {
            fields.add(SurveyColumn.SUBMITTED_AT, fields.row().value(SurveyColumn.SUBMITTED_AT.alias()).strip(),
                    Rule.OUT_OF_ROUND, Message.of("outOfRound", round));
        }
        if (employees != null && employees >= SOGONG_MAX_EMPLOYEES) {
            fields.add(SurveyColumn.EMPLOYEES, String.valueOf(employees), Rule.NOT_SOGONG,
                    Message.of("notSogong", employees));
        }
        if (fields.rejected()) {
            return null;
        }
        return new SurveyResponse(RowFields.present(responseId), RowFields.present(submittedAt), RowFields.present(brn),
                RowFields.present(firmName), RowFields.present(centerCode), employees, answers, needs, comment);
    }

    private @Nullable String center(RowFields fields) {
        String v = fields.text(SurveyColumn.CENTER);
        if (v == null) {
            return null;
        }
        Optional<Center> center = centers.find(v);
        if (center.isEmpty()) {
            fields.add(SurveyColumn.CENTER, v, Rule.UNKNOWN_CENTER, Message.of("unknownCenter"));
            return null;
        }
        return center.get().code();
    }

    /** 1–5, or 9 for 모름; blank is no answer. */
    private static @Nullable Integer likert(RowFields fields, SurveyColumn column) {
        String v = fields.text(column);
        if (v == null) {
            return null;
        }
        Long n = RowFields.parseWhole(v);
        if (n == null) {
            fields.add(column, v, Rule.FORMAT, Message.of("notWholeNumber"));
            return null;
        }
        if (!(n >= 1 && n <= 5) && n != 9) {
            fields.add(column, v, Rule.RANGE, Message.of("likertRange"));
            return null;
        }
        return n.intValue();
    }

    private static EnumSet<Need> needs(RowFields fields) {
        EnumSet<Need> needs = EnumSet.noneOf(Need.class);
        String v = fields.text(SurveyColumn.NEEDS);
        if (v == null) {
            return needs;
        }
        Set<String> unknown = new LinkedHashSet<>();
        // split by hand: String.split compiles "[;,]" anew for every response
        int from = 0;
        while (from <= v.length()) {
            int end = from;
            while (end < v.length() && v.charAt(end) != ';' && v.charAt(end) != ',') {
                end++;
            }
            String value = v.substring(from, end).strip();
            from = end + 1;
            if (value.isEmpty()) {
                continue;
            }
            Need.of(value).ifPresentOrElse(needs::add, () -> unknown.add(value));
        }
        if (!unknown.isEmpty()) {
            List<String> names = new ArrayList<>(unknown);
            fields.add(SurveyColumn.NEEDS, String.join(";", names), Rule.UNKNOWN_NEED, Message.of("unknownNeed"));
        }
        return needs;
    }

}
