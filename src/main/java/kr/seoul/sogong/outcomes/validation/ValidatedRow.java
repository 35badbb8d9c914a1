package kr.seoul.sogong.outcomes.validation;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;

import java.util.List;
import kr.seoul.sogong.outcomes.findings.Finding;

/**
 * A row with its findings, and its typed record when no finding rejected it (else null).
 */
public record ValidatedRow(SourceRow source, @Nullable AcceptedRow record, List<Finding> findings) {
}
