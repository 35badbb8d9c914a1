package kr.seoul.sogong.outcomes.store;

import kr.seoul.sogong.outcomes.rows.RowTable;

/**
 * A row the rules across rows set apart, by its place: rejected (DUPLICATE,
 * NOT_PARTICIPANT), or a survey respondent who is not a participant.
 */
public record Verdict(RowTable table, String sourceFile, int sheetIndex, int rowNumber, boolean rejected) {
}
