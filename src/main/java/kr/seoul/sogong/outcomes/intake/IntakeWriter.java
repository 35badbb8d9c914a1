package kr.seoul.sogong.outcomes.intake;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.results.BudgetLine;
import kr.seoul.sogong.outcomes.results.Outcome;
import kr.seoul.sogong.outcomes.results.Participant;
import kr.seoul.sogong.outcomes.rules.Finding;
import kr.seoul.sogong.outcomes.survey.Need;
import kr.seoul.sogong.outcomes.survey.SurveyResponse;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a chunk: accepted rows into their tables, every finding, and each file's checkpoint
 * ({@code rows_read}, {@code complete}) — all in the chunk's one transaction, so a row and its
 * findings are committed exactly once whatever fails when.
 */
public class IntakeWriter implements ItemWriter<ValidatedRow> {

    private static final String ROW_KEY = "round, source_file, sheet_index, sheet, row_number";

    private final JdbcTemplate jdbc;
    private final IntakeStore store;
    private final int round;

    public IntakeWriter(JdbcTemplate jdbc, IntakeStore store, int round) {
        this.jdbc = jdbc;
        this.store = store;
        this.round = round;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> chunk) throws Exception {
        List<ValidatedRow> survey = new ArrayList<>();
        List<ValidatedRow> participants = new ArrayList<>();
        List<ValidatedRow> outcomes = new ArrayList<>();
        List<ValidatedRow> budget = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, SourceRow> lastRowOfFile = new LinkedHashMap<>();
        for (ValidatedRow row : chunk) {
            findings.addAll(row.findings());
            lastRowOfFile.put(row.source().sourceFile(), row.source());
            Object record = row.record();
            if (record instanceof SurveyResponse) {
                survey.add(row);
            } else if (record instanceof Participant) {
                participants.add(row);
            } else if (record instanceof Outcome) {
                outcomes.add(row);
            } else if (record instanceof BudgetLine) {
                budget.add(row);
            }
        }
        insertSurvey(survey);
        insertParticipants(participants);
        insertOutcomes(outcomes);
        insertBudget(budget);
        store.insertFindings(round, findings, false);
        for (SourceRow last : lastRowOfFile.values()) {
            store.recordProgress(round, last.sourceFile(), last.ordinal(), last.lastInFile());
        }
    }

    private int key(PreparedStatement ps, SourceRow s) throws SQLException {
        ps.setInt(1, round);
        ps.setString(2, s.sourceFile());
        ps.setInt(3, s.sheetIndex());
        ps.setString(4, s.sheet());
        ps.setInt(5, s.rowNumber());
        return 6;
    }

    private void insertSurvey(List<ValidatedRow> rows) {
        StringBuilder needColumns = new StringBuilder();
        for (Need n : Need.values()) {
            needColumns.append(", ").append(n.column());
        }
        String sql = "insert into survey_response (" + ROW_KEY + ", response_id, submitted_at, brn, firm_name,"
                + " center_code, employees, q1, q2, q3, q4, q5, q6" + needColumns + ", comment_text)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            SurveyResponse r = (SurveyResponse) row.record();
            int i = key(ps, row.source());
            ps.setString(i++, r.responseId());
            ps.setTimestamp(i++, Timestamp.valueOf(r.submittedAt()));
            ps.setString(i++, r.brn());
            ps.setString(i++, r.firmName());
            ps.setString(i++, r.centerCode());
            ps.setObject(i++, r.employees(), Types.INTEGER);
            for (Integer q : r.q()) {
                ps.setObject(i++, q, Types.SMALLINT);
            }
            for (Need n : Need.values()) {
                ps.setBoolean(i++, r.needs().contains(n));
            }
            ps.setString(i, r.comment());
        });
    }

    private void insertParticipants(List<ValidatedRow> rows) {
        jdbc.batchUpdate("insert into participant (" + ROW_KEY + ", center_code, brn, firm_name, support, start_date,"
                + " end_date, education_hours, completed) values (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, rows.size(), (ps, row) -> {
                    Participant p = (Participant) row.record();
                    int i = key(ps, row.source());
                    ps.setString(i++, p.centerCode());
                    ps.setString(i++, p.brn());
                    ps.setString(i++, p.firmName());
                    ps.setString(i++, p.support());
                    ps.setObject(i++, p.startDate());
                    ps.setObject(i++, p.endDate());
                    ps.setBigDecimal(i++, p.educationHours());
                    ps.setBoolean(i, p.completed());
                });
    }

    private void insertOutcomes(List<ValidatedRow> rows) {
        jdbc.batchUpdate("insert into outcome (" + ROW_KEY + ", center_code, brn, sales_before_k, sales_after_k,"
                + " new_clients, new_orders, online_listed, patterns) values (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, rows.size(),
                (ps, row) -> {
                    Outcome o = (Outcome) row.record();
                    int i = key(ps, row.source());
                    ps.setString(i++, o.centerCode());
                    ps.setString(i++, o.brn());
                    ps.setBigDecimal(i++, o.salesBeforeK());
                    ps.setBigDecimal(i++, o.salesAfterK());
                    ps.setObject(i++, o.newClients(), Types.INTEGER);
                    ps.setObject(i++, o.newOrders(), Types.INTEGER);
                    ps.setObject(i++, o.onlineListed(), Types.BOOLEAN);
                    ps.setObject(i, o.patterns(), Types.INTEGER);
                });
    }

    private void insertBudget(List<ValidatedRow> rows) {
        jdbc.batchUpdate("insert into budget_line (" + ROW_KEY + ", center_code, item, planned_krw, executed_krw)"
                + " values (?,?,?,?,?,?,?,?,?)", rows, rows.size(), (ps, row) -> {
                    BudgetLine b = (BudgetLine) row.record();
                    int i = key(ps, row.source());
                    ps.setString(i++, b.centerCode());
                    ps.setString(i++, b.item());
                    ps.setLong(i++, b.plannedKrw());
                    ps.setLong(i, b.executedKrw());
                });
    }
}
