package kr.seoul.sogong.outcomes.validation;

import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Applies the single-row rules of contract §3 in the processor, so a finding never fails
 * a write. Built for the running step by the ingest ({@code IngestComponents}), with the
 * round's centers as admitted.
 */
public class RowValidationProcessor implements ItemProcessor<SourceRow, ValidatedRow> {

    private final SurveyRowValidator survey;

    private final ResultsRowValidator results;

    private final int maxFieldLength;

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
        List<Finding> findings = fields.findings();
        if (!row.fileNotes().isEmpty()) {
            findings = new ArrayList<>(findings);
            findings.addAll(row.fileNotes());
        }
        return new ValidatedRow(row, fields.rejected() ? null : record, findings);
    }

}
