package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.seoul.sogong.outcomes.operations.NightlyRounds;
import kr.seoul.sogong.outcomes.operations.RunHistory;
import kr.seoul.sogong.outcomes.quality.DataQuality;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.quality.DataQuality.FileQuality;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.settings.RunParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the console shows, read from the job repository, run_facts and the intake tables.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleQueries {

    /**
     * A round on the first page: its last execution (null before any), whether it passed
     * the quality gate (true passed, false stopped by it, null not reached or not known),
     * and whether it has an input folder.
     */
    public record RoundOverview(int round, RunHistory.@Nullable Line last, @Nullable Boolean gatePassed,
            boolean hasInput) {

        static RoundOverview of(int round, RunHistory.@Nullable Line last, boolean hasInput) {
            Boolean gate = last == null ? null : last.status() == BatchStatus.COMPLETED ? Boolean.TRUE
                    : last.advice().key().equals("next.failed.gate") ? Boolean.FALSE : null;
            return new RoundOverview(round, last, gate, hasInput);
        }

    }

    /**
     * A step as the round page shows it; its end as a message key and values
     * ({@code step.error.*}): the exception's message without its class name or trace.
     */
    public record StepView(String name, String status, long read, long written, long skipped, Duration duration,
            String exitKey, List<String> exit) {

        public Object[] exitValues() {
            return exit.toArray();
        }

    }

    /**
     * A class name before a message ("kr.….CentersFile$InvalidCentersFileException: ").
     */
    private static final java.util.regex.Pattern CLASS_PREFIX = java.util.regex.Pattern
        .compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

    /** The step's end as the page says it: which kind of failure, and its message. */
    static StepView step(String name, String status, long read, long written, long skipped, Duration duration,
            @Nullable String exitMessage) {
        String first = shorten(exitMessage);
        String message = first;
        for (java.util.regex.Matcher m = CLASS_PREFIX.matcher(message); m.find(); m = CLASS_PREFIX.matcher(message)) {
            message = message.substring(m.end());
        }
        String key = first.contains("QualityGateException") ? "step.error.gate"
                : first.contains("CentersFile") ? "step.error.centers" : "step.error.other";
        return new StepView(name, status, read, written, skipped, duration, key, List.of(message));
    }

    public record ExecutionView(RunHistory.Line line, List<StepView> steps) {
    }

    /**
     * A running execution's ingest: rows done of the round's estimated total, from each
     * file's checkpoint (committed with its rows); rows per second over this execution's
     * ingest so far.
     */
    public record Progress(long executionId, String status, String step, long done, long total, double percent,
            double rowsPerSecond, @Nullable Long etaSeconds) {
    }

    /** A step of the execution as Spring Batch's table holds it. */
    private record StepRow(String stepName, long readCount, @Nullable LocalDateTime startTime,
            @Nullable LocalDateTime endTime) {
    }

    public record FileView(String sourceFile, String kind, String sha256, String status, long rowsRead,
            long rowsAccepted, long rowsRejected, long rowsWarned, @Nullable String reason) {
    }

    private final JdbcTemplate jdbc;

    private final RunHistory history;

    private final DataQuality quality;

    private final kr.seoul.sogong.outcomes.store.FindingStore findings;

    private final IntakeStore intake;

    private final OutcomesProperties properties;

    private final NightlyRounds nightly;

    public ConsoleQueries(JdbcTemplate jdbc, RunHistory history, DataQuality quality,
            kr.seoul.sogong.outcomes.store.FindingStore findings, IntakeStore intake, OutcomesProperties properties,
            NightlyRounds nightly) {
        this.jdbc = jdbc;
        this.history = history;
        this.quality = quality;
        this.findings = findings;
        this.intake = intake;
        this.properties = properties;
        this.nightly = nightly;
    }

    /** Every round with runs or an input folder, newest first. */
    public List<RoundOverview> rounds() {
        Map<Integer, RoundOverview> rounds = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (int round : nightly.inputRounds()) {
            rounds.put(round, RoundOverview.of(round, null, true));
        }
        for (String r : jdbc.queryForList(
                "select distinct parameter_value from batch_job_execution_params where parameter_name = ?",
                String.class, RunParameters.ROUND)) {
            int round = Integer.parseInt(r);
            List<RunHistory.Line> lines = history.recent(round);
            rounds.put(round,
                    RoundOverview.of(round, lines.isEmpty() ? null : lines.get(0), rounds.containsKey(round)));
        }
        return List.copyOf(rounds.values());
    }

    /** The round's executions, newest first, each with its steps. */
    public List<ExecutionView> executions(int round) {
        List<ExecutionView> views = new ArrayList<>();
        for (RunHistory.Line line : history.recent(round)) {
            List<StepView> steps = jdbc.query(
                    "select step_name, status, read_count, write_count, read_skip_count + process_skip_count"
                            + " + write_skip_count as skipped, start_time, end_time, exit_message"
                            + " from batch_step_execution where job_execution_id = ? order by step_execution_id",
                    (rs, i) -> step(rs.getString("step_name"), rs.getString("status"), rs.getLong("read_count"),
                            rs.getLong("write_count"), rs.getLong("skipped"),
                            between(rs.getTimestamp("start_time"), rs.getTimestamp("end_time")),
                            rs.getString("exit_message")),
                    line.executionId());
            views.add(new ExecutionView(line, steps));
        }
        return views;
    }

    /**
     * The round's newest execution while it runs, with its ingest's progress; null
     * otherwise.
     */
    public @Nullable Progress progress(int round) {
        List<RunHistory.Line> lines = history.recent(round);
        if (lines.isEmpty()) {
            return null;
        }
        RunHistory.Line last = lines.get(0);
        IntakeStore.RowsRead files = intake.rowsRead(round);
        long done = files.read();
        long total = Math.max(done, files.expected());
        List<StepRow> steps = jdbc.query(
                "select step_name, read_count, start_time, end_time"
                        + " from batch_step_execution where job_execution_id = ? order by step_execution_id desc",
                new DataClassRowMapper<>(StepRow.class), last.executionId());
        // the ingest's partitions (ingestPartition:partition0, ...) are the ingest
        String step = steps.isEmpty() ? "" : steps.get(0).stepName().replaceFirst("^ingestPartition:.*", "ingestRows");
        LocalDateTime ingestStart = null;
        LocalDateTime ingestEnd = LocalDateTime.now();
        long ingestRead = 0;
        for (StepRow s : steps) {
            if ("ingestRows".equals(s.stepName()) && s.startTime() != null) {
                ingestStart = s.startTime();
                // the rate of the ingest, not decaying after it
                if (s.endTime() != null) {
                    ingestEnd = s.endTime();
                }
            }
            if (s.stepName().startsWith("ingestPartition:")) {
                ingestRead += s.readCount();
            }
        }
        double seconds = ingestStart == null ? 0 : Duration.between(ingestStart, ingestEnd).toMillis() / 1000.0;
        double rate = seconds > 0 ? ingestRead / seconds : 0;
        boolean ingestDone = !steps.isEmpty() && !step.equals("ingestRows") && !step.equals("admitRound");
        if (!last.status().isRunning() && last.status() != BatchStatus.COMPLETED) {
            // an ended run that did not complete shows what it read itself (one that
            // failed before reading showed the round's earlier rows, "451 of 451")
            done = Math.min(ingestRead, total);
        }
        else if (ingestDone || last.status() == BatchStatus.COMPLETED) {
            done = total;
        }
        double percent = total == 0 ? (ingestDone ? 100 : 0) : Math.min(100, 100.0 * done / total);
        Long eta = rate > 0 && done < total ? Math.round((total - done) / rate) : null;
        return new Progress(last.executionId(), last.status().name(), step, done, total,
                Math.round(percent * 10) / 10.0, Math.round(rate), eta);
    }

    /** The round's admitted files with their counts and, for an unreadable one, why. */
    public List<FileView> files(int round) {
        Map<String, FileQuality> counts = new TreeMap<>();
        List<IntakeStore.StoredFile> files = intake.allFiles(round);
        quality.quality(round, files).forEach(q -> counts.put(q.sourceFile(), q));
        Map<String, String> reasons = new TreeMap<>();
        reasons.putAll(findings.firstMessagePerFile(round, kr.seoul.sogong.outcomes.findings.Rule.UNREADABLE));
        return files.stream().map(f -> {
            FileQuality q = counts.get(f.sourceFile());
            return new FileView(f.sourceFile(), f.kind().name(), f.sha256(), f.status().name(), f.rowsRead(),
                    q == null ? 0 : q.rowsAccepted(), q == null ? 0 : q.rowsRejected(), q == null ? 0 : q.rowsWarned(),
                    reasons.get(f.sourceFile()));
        }).toList();
    }

    /**
     * The round's correction workbooks ({@code output/<round>/corrections/}), by name.
     */
    public List<String> correctionFiles(int round) {
        return filesIn(properties.roundOutput(round).resolve("corrections"));
    }

    /** The files of the round's output folder a user may download, by name. */
    public List<String> outputFiles(int round) {
        return filesIn(properties.roundOutput(round));
    }

    /**
     * The files of a folder by name, sorted; none when it does not exist; hidden ones
     * left out.
     */
    private static List<String> filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // links are not listed, so not served: a link in output/ may lead anywhere
            return files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .map(p -> p.getFileName().toString())
                .filter(n -> !n.startsWith("."))
                .sorted()
                .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration between(Timestamp start, Timestamp end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start.toLocalDateTime(), end == null ? LocalDateTime.now() : end.toLocalDateTime());
    }

    private static String shorten(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String first = text.lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

}
