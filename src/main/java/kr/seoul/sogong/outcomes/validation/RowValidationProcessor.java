package kr.seoul.sogong.outcomes.validation;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.springframework.beans.factory.annotation.Autowired;

import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import kr.seoul.sogong.outcomes.intake.CenterDirectory;
import kr.seoul.sogong.outcomes.intake.ValidatedRow;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.results.ResultsRowValidator;
import kr.seoul.sogong.outcomes.rules.RowFields;
import kr.seoul.sogong.outcomes.survey.SurveyRowValidator;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies the single-row rules of contract §3 in the processor, so a finding never fails
 * a write.
 */
@Component
@StepScope
public class RowValidationProcessor implements ItemProcessor<SourceRow, ValidatedRow> {

    private final SurveyRowValidator survey;

    private final ResultsRowValidator results;

    private final int maxFieldLength;

    /** The processor of the running step: the round's centers as admitted. */
    @Autowired
    public RowValidationProcessor(IntakeStore store, OutcomesProperties properties, @JobRound int round) {
        this(new CenterDirectory(store.centers(round)), round, properties.maxFieldLength());
    }

    public RowValidationProcessor(CenterDirectory centers, int round, int maxFieldLength) {
        this.survey = new SurveyRowValidator(centers, round);
        this.results = new ResultsRowValidator(centers);
        this.maxFieldLength = maxFieldLength;
    }

    @Override
    public ValidatedRow process(SourceRow row) {
        RowFields fields = new RowFields(row, maxFieldLength);
        AcceptedRow record;
        if (fields.totalsRow()) {
            // a totals row gets that finding alone: its other "errors" are its nature
            record = null;
        }
        else {
            record = switch (row.kind()) {
                case SURVEY -> survey.validate(fields);
                case PARTICIPANTS -> results.participant(fields);
                case OUTCOMES -> results.outcome(fields);
                case BUDGET -> results.budget(fields);
            };
        }
        java.util.List<kr.seoul.sogong.outcomes.findings.Finding> findings = fields.findings();
        if (!row.fileNotes().isEmpty()) {
            findings = new java.util.ArrayList<>(findings);
            findings.addAll(row.fileNotes());
        }
        return new ValidatedRow(row, fields.rejected() ? null : record, findings);
    }

}
