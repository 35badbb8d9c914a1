package kr.seoul.sogong.outcomes.rules;

import kr.seoul.sogong.outcomes.settings.JobRound;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Message;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import kr.seoul.sogong.outcomes.intake.Center;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.scans.SideScans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules that need more than one row — DUPLICATE, NOT_PARTICIPANT, OVER_CAP — in the
 * order of contract §7: participants' DUPLICATE first (NOT_PARTICIPANT looks at accepted
 * participants), then NOT_PARTICIPANT, then DUPLICATE among rows still accepted.
 *
 * <p>
 * Each table is read once, in key order from its index, and the rows of one key are
 * judged together; the accepted participants are kept as a sorted array of numeric keys
 * (8 bytes a firm). So a national round neither has to fit in memory nor costs a lookup
 * per row (a correlated EXISTS or a window over millions of rows was minutes on H2, and
 * out of heap).
 *
 * <p>
 * It starts by undoing its own previous verdicts and runs in one transaction, so the
 * result depends only on the stored rows: the same after a restart, or after one file
 * changed, as in one clean run.
 */
@Component
@StepScope
public class CrossRowRulesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CrossRowRulesTasklet.class);

    private static final int FETCH = 10_000;

    private final JdbcTemplate jdbc;

    private final IntakeStore store;

    private final int round;

    private Map<String, Integer> fileSeq;

    private Map<String, Integer> centerIndex;

    private final SideScans scans;

    public CrossRowRulesTasklet(JdbcTemplate jdbc, IntakeStore store, SideScans scans, @JobRound int round) {
        this.scans = scans;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH); // PostgreSQL streams with a cursor inside the
                                       // step's transaction
        this.store = store;
        this.round = round;
    }

    /** A stored row as the rules see it; {@code order} is its place in reading order. */
    private record KeyedRow(long id, String file, String sheet, int row, String center, String brn, long order,
            Timestamp submittedAt) {
        /**
         * A message that points at this row: {@code <key>} or, in a workbook,
         * {@code <key>.sheet}.
         */
        Message pointingHere(String key) {
            return sheet.isEmpty() ? Message.of(key, file, row) : Message.of(key + ".sheet", file, sheet, row);
        }

        String masked() {
            return BusinessRegistrationNumber.masked(brn);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int earlier = jdbc.update("delete from finding where round = ? and cross_row = true", round);
        // these rules flag a row only together with a finding on it, so without an
        // earlier finding no row is flagged, and four full scans (4.5 s at 1M rows on
        // H2) are saved
        if (earlier > 0) {
            for (String table : List.of("participant", "outcome", "survey_response")) {
                jdbc.update("update " + table + " set accepted = true where round = ? and accepted = false", round);
            }
            jdbc.update("update survey_response set participant = true where round = ? and participant = false", round);
        }
        fileSeq = new HashMap<>();
        store.allFiles(round).forEach(f -> fileSeq.put(f.sourceFile(), f.fileSeq()));
        centerIndex = new HashMap<>();
        List<Center> centers = store.centers(round);
        for (int i = 0; i < centers.size(); i++) {
            centerIndex.put(centers.get(i).code(), i);
        }

        List<Finding> findings = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        long[] participants = participants(findings, rejected);
        reject("participant", rejected);
        rejected.clear();
        // the survey's scan on the second core while this thread scans the outcomes
        SideScans.Scan<SurveyVerdicts> surveyScan = scans.start("survey", () -> survey(participants));
        outcomes(participants, findings, rejected);
        reject("outcome", rejected);
        rejected.clear();
        SurveyVerdicts survey = surveyScan.result();
        findings.addAll(survey.findings());
        reject("survey_response", survey.rejected());
        jdbc.batchUpdate("update survey_response set participant = false where id = ?", survey.strangers(), 1000,
                (ps, id) -> ps.setLong(1, id));
        findings.addAll(overCap());
        store.insertFindings(round, findings, true);
        contribution.incrementWriteCount(findings.size());
        log.info("round {}: {} findings across rows (DUPLICATE, NOT_PARTICIPANT, OVER_CAP)", round, findings.size());
        return RepeatStatus.FINISHED;
    }

    private KeyedRow keyed(ResultSet rs, boolean withSubmittedAt) throws SQLException {
        long order = ((long) fileSeq.getOrDefault(rs.getString("source_file"), 0) << 40)
                | ((long) rs.getInt("sheet_index") << 24) | rs.getInt("row_number");
        return new KeyedRow(rs.getLong("id"), rs.getString("source_file"), rs.getString("sheet"),
                rs.getInt("row_number"), rs.getString("center_code"), rs.getString("brn"), order,
                withSubmittedAt ? rs.getTimestamp("submitted_at") : null);
    }

    /**
     * center and firm as one number: center index above the ten digits of the business
     * number.
     */
    private long key(String center, String brn) {
        Integer c = centerIndex.get(center);
        return c == null ? -1 : c * 10_000_000_000L + Long.parseLong(brn);
    }

    /**
     * Calls {@code group} with the rows of each key in turn, from a query ordered by that
     * key.
     */
    private void inGroups(String sql, boolean withSubmittedAt, java.util.function.Function<KeyedRow, String> key,
            java.util.function.Consumer<List<KeyedRow>> group) {
        List<KeyedRow> current = new ArrayList<>();
        String[] currentKey = { null };
        jdbc.query(sql, rs -> {
            KeyedRow row = keyed(rs, withSubmittedAt);
            String k = key.apply(row);
            if (!k.equals(currentKey[0]) && !current.isEmpty()) {
                group.accept(new ArrayList<>(current));
                current.clear();
            }
            currentKey[0] = k;
            current.add(row);
        }, round);
        if (!current.isEmpty()) {
            group.accept(current);
        }
    }

    /**
     * DUPLICATE: the same firm twice in one center, the later rows; returns the accepted
     * keys, sorted.
     */
    private long[] participants(List<Finding> findings, List<Long> rejected) {
        LongStream.Builder keys = LongStream.builder();
        inGroups(
                "select id, source_file, sheet_index, sheet, row_number, center_code, brn from participant"
                        + " where round = ? and accepted = true order by center_code, brn",
                false, r -> r.center() + "|" + r.brn(), rows -> {
                    keepFirst(rows, findings, rejected, "duplicate.participant");
                    keys.add(key(rows.get(0).center(), rows.get(0).brn()));
                });
        return keys.build().sorted().toArray();
    }

    /** Sorts a key's rows by reading order; all but the first are DUPLICATE. */
    private static void keepFirst(List<KeyedRow> rows, List<Finding> findings, List<Long> rejected, String key) {
        rows.sort(Comparator.comparingLong(KeyedRow::order));
        List<KeyedRow> later = rows.subList(1, rows.size());
        for (KeyedRow r : later) {
            findings.add(Finding.of(r.file(), r.sheet(), r.row(), "brn", r.masked(), Rule.DUPLICATE,
                    rows.get(0).pointingHere(key)));
            rejected.add(r.id());
        }
    }

    private static boolean contains(long[] sorted, long key) {
        return key >= 0 && Arrays.binarySearch(sorted, key) >= 0;
    }

    /** NOT_PARTICIPANT (REJECT), then DUPLICATE among the rows left. */
    private void outcomes(long[] participants, List<Finding> findings, List<Long> rejected) {
        inGroups(
                "select id, source_file, sheet_index, sheet, row_number, center_code, brn from outcome"
                        + " where round = ? and accepted = true order by center_code, brn",
                false, r -> r.center() + "|" + r.brn(), rows -> {
                    KeyedRow first = rows.get(0);
                    if (!contains(participants, key(first.center(), first.brn()))) {
                        for (KeyedRow r : rows) {
                            findings.add(Finding.of(r.file(), r.sheet(), r.row(), "brn", r.masked(),
                                    Rule.NOT_PARTICIPANT, Message.of("notParticipant", r.center())));
                            rejected.add(r.id());
                        }
                        return;
                    }
                    keepFirst(rows, findings, rejected, "duplicate.outcome");
                });
    }

    /**
     * NOT_PARTICIPANT (WARN, the row stays), then DUPLICATE across centers: a firm
     * answers once a round; the latest submitted_at is kept, on a tie the row read last.
     */
    private SurveyVerdicts survey(long[] participants) {
        List<Finding> findings = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        List<Long> strangers = new ArrayList<>();
        // every row, not only the accepted: this scan runs beside the step's transaction
        // and so does not see it set them all accepted again; all of them are
        inGroups("select id, source_file, sheet_index, sheet, row_number, center_code, brn, submitted_at"
                + " from survey_response where round = ? order by brn", true, KeyedRow::brn, rows -> {
                    for (KeyedRow r : rows) {
                        if (!contains(participants, key(r.center(), r.brn()))) {
                            findings.add(new Finding(r.file(), r.sheet(), r.row(), "brn", r.masked(),
                                    Rule.NOT_PARTICIPANT, Severity.WARN, Message.of("notParticipant", r.center())));
                            strangers.add(r.id());
                        }
                    }
                    if (rows.size() > 1) {
                        rows.sort(Comparator.comparing(KeyedRow::submittedAt)
                            .thenComparingLong(KeyedRow::order)
                            .reversed());
                        for (KeyedRow r : rows.subList(1, rows.size())) {
                            findings.add(Finding.of(r.file(), r.sheet(), r.row(), "brn", r.masked(), Rule.DUPLICATE,
                                    rows.get(0).pointingHere("duplicate.survey")));
                            rejected.add(r.id());
                        }
                    }
                });
        return new SurveyVerdicts(findings, rejected, strangers);
    }

    /**
     * What the survey's scan found: findings, rows to reject, respondents who are not
     * participants.
     */
    private record SurveyVerdicts(List<Finding> findings, List<Long> rejected, List<Long> strangers) {
    }

    private void reject(String table, List<Long> ids) {
        jdbc.batchUpdate("update " + table + " set accepted = false where id = ?", ids, 1000,
                (ps, id) -> ps.setLong(1, id));
    }

    /**
     * A center whose planned budget total exceeds its cap; reported on its (first) budget
     * file.
     */
    private List<Finding> overCap() {
        String sql = "select b.center_code, b.source_file, b.sheet, sum(b.planned_krw) as planned,"
                + " min(c.budget_cap_krw) as cap from budget_line b"
                + " join center c on c.round = b.round and c.center_code = b.center_code"
                + " where b.round = ? group by b.center_code, b.source_file, b.sheet";
        record Part(String center, String file, String sheet, long planned, long cap) {
        }
        Map<String, List<Part>> byCenter = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            byCenter.computeIfAbsent(rs.getString("center_code"), k -> new ArrayList<>())
                .add(new Part(rs.getString("center_code"), rs.getString("source_file"), rs.getString("sheet"),
                        rs.getLong("planned"), rs.getLong("cap")));
        }, round);
        List<Finding> findings = new ArrayList<>();
        for (List<Part> parts : byCenter.values()) {
            parts.sort(
                    Comparator.comparingInt((Part p) -> fileSeq.getOrDefault(p.file(), 0)).thenComparing(Part::sheet));
            long planned = parts.stream().mapToLong(Part::planned).sum();
            Part first = parts.get(0);
            if (planned > first.cap()) {
                findings.add(Finding.of(first.file(), first.sheet(), null, "planned_krw", String.valueOf(planned),
                        Rule.OVER_CAP, Message.of("overCap", first.center(), planned, first.cap())));
            }
        }
        return findings;
    }

}
