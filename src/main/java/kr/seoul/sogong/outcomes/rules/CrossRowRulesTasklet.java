package kr.seoul.sogong.outcomes.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules that need more than one row — DUPLICATE, NOT_PARTICIPANT, OVER_CAP — evaluated
 * set-based in the database over everything stored for the round, in the order of contract §7:
 * participants' DUPLICATE first (NOT_PARTICIPANT looks at accepted participants), then
 * NOT_PARTICIPANT, then DUPLICATE among rows still accepted.
 *
 * <p>It starts by undoing its own previous verdicts, and runs in one transaction, so the result
 * depends only on the stored rows: the same after a restart, or after one file changed, as in one
 * clean run.
 */
public class CrossRowRulesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CrossRowRulesTasklet.class);
    private static final String MASKED_BRN = "substring(r.brn, 1, 3) || '-' || substring(r.brn, 4, 2) || '-*****'";

    private final JdbcTemplate jdbc;
    private final IntakeStore store;
    private final int round;

    public CrossRowRulesTasklet(JdbcTemplate jdbc, IntakeStore store, int round) {
        this.jdbc = jdbc;
        this.store = store;
        this.round = round;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        jdbc.update("delete from finding where round = ? and cross_row = true", round);
        for (String table : List.of("participant", "outcome", "survey_response")) {
            jdbc.update("update " + table + " set accepted = true where round = ? and accepted = false", round);
        }
        List<Finding> findings = new ArrayList<>();
        findings.addAll(duplicates("participant", "r.center_code, r.brn",
                "f.file_seq, r.sheet_index, r.row_number", "the same firm is listed earlier for this center at"));
        findings.addAll(notParticipant("outcome", Severity.REJECT));
        findings.addAll(duplicates("outcome", "r.center_code, r.brn",
                "f.file_seq, r.sheet_index, r.row_number", "the same firm has an earlier outcomes row at"));
        findings.addAll(notParticipant("survey_response", Severity.WARN));
        findings.addAll(duplicates("survey_response", "r.brn",
                "r.submitted_at desc, f.file_seq desc, r.sheet_index desc, r.row_number desc",
                "the firm answered again; the latest submission is kept, at"));
        findings.addAll(overCap());
        store.insertFindings(round, findings, true);
        contribution.incrementWriteCount(findings.size());
        log.info("round {}: {} findings across rows (DUPLICATE, NOT_PARTICIPANT, OVER_CAP)", round, findings.size());
        return RepeatStatus.FINISHED;
    }

    /** Every row of a partition but the first in {@code order} is a DUPLICATE; the message names the kept row. */
    private List<Finding> duplicates(String table, String partition, String order, String keptAt) {
        String window = "over (partition by " + partition + " order by " + order + ")";
        String sql = "select * from (select r.id, r.source_file, r.sheet, r.row_number, " + MASKED_BRN + " as brn_masked,"
                + " row_number() " + window + " as rn,"
                + " first_value(r.source_file) " + window + " as kept_file,"
                + " first_value(r.sheet) " + window + " as kept_sheet,"
                + " first_value(r.row_number) " + window + " as kept_row"
                + " from " + table + " r join source_file f on f.round = r.round and f.source_file = r.source_file"
                + " where r.round = ? and r.accepted = true) d where d.rn > 1";
        List<Long> ids = new ArrayList<>();
        List<Finding> findings = jdbc.query(sql, (rs, i) -> {
            ids.add(rs.getLong("id"));
            String sheet = rs.getString("kept_sheet");
            String where = rs.getString("kept_file") + (sheet.isEmpty() ? "" : " sheet " + sheet)
                    + " row " + rs.getInt("kept_row");
            return Finding.of(rs.getString("source_file"), rs.getString("sheet"), rs.getInt("row_number"), "brn",
                    rs.getString("brn_masked"), Rule.DUPLICATE, keptAt + " " + where);
        }, round);
        reject(table, ids);
        return findings;
    }

    /** Rows whose firm is not an accepted participant of the center they name. */
    private List<Finding> notParticipant(String table, Severity severity) {
        String sql = "select r.id, r.source_file, r.sheet, r.row_number, r.center_code, " + MASKED_BRN + " as brn_masked"
                + " from " + table + " r where r.round = ? and r.accepted = true and not exists ("
                + " select 1 from participant p where p.round = r.round and p.center_code = r.center_code"
                + " and p.brn = r.brn and p.accepted = true)";
        List<Long> ids = new ArrayList<>();
        List<Finding> findings = jdbc.query(sql, (rs, i) -> {
            ids.add(rs.getLong("id"));
            return new Finding(rs.getString("source_file"), rs.getString("sheet"), rs.getInt("row_number"), "brn",
                    rs.getString("brn_masked"), Rule.NOT_PARTICIPANT, severity,
                    "not a participant of " + rs.getString("center_code"));
        }, round);
        if (severity == Severity.REJECT) {
            reject(table, ids);
        }
        return findings;
    }

    private void reject(String table, List<Long> ids) {
        jdbc.batchUpdate("update " + table + " set accepted = false where id = ?", ids, 1000,
                (ps, id) -> ps.setLong(1, id));
    }

    /** A center whose planned budget total exceeds its cap; reported on its (first) budget file. */
    private List<Finding> overCap() {
        String sql = "select b.center_code, b.source_file, b.sheet, min(f.file_seq) as seq, sum(b.planned_krw) as planned,"
                + " min(c.budget_cap_krw) as cap from budget_line b"
                + " join source_file f on f.round = b.round and f.source_file = b.source_file"
                + " join center c on c.round = b.round and c.center_code = b.center_code"
                + " where b.round = ? group by b.center_code, b.source_file, b.sheet order by b.center_code, seq";
        record Part(String center, String file, String sheet, long planned, long cap) {
        }
        Map<String, List<Part>> byCenter = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            byCenter.computeIfAbsent(rs.getString("center_code"), k -> new ArrayList<>()).add(new Part(
                    rs.getString("center_code"), rs.getString("source_file"), rs.getString("sheet"),
                    rs.getLong("planned"), rs.getLong("cap")));
        }, round);
        List<Finding> findings = new ArrayList<>();
        for (List<Part> parts : byCenter.values()) {
            long planned = parts.stream().mapToLong(Part::planned).sum();
            Part first = parts.get(0);
            if (planned > first.cap()) {
                findings.add(Finding.of(first.file(), first.sheet(), null, "planned_krw", String.valueOf(planned),
                        Rule.OVER_CAP, first.center() + " plans " + planned + " KRW, over its cap of " + first.cap()));
            }
        }
        return findings;
    }
}
