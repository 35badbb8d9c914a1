package kr.seoul.sogong.outcomes.store;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.centers.Center;
import kr.seoul.sogong.outcomes.intake.FileKind;
import kr.seoul.sogong.outcomes.intake.FileRange;
import kr.seoul.sogong.outcomes.intake.SourceFiles;
import java.sql.Date;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The intake tables: centers, source files with their checkpoints, findings. */
@Repository
public class IntakeStore {

    /**
     * A source file as stored: its fingerprint, how it was admitted, and how far it was
     * read.
     */
    public record StoredFile(String sourceFile, int fileSeq, FileKind kind, String sha256, String encoding,
            FileStatus status, long rowsRead, boolean complete, long sizeBytes, Long estimatedRows) {
        public boolean unreadable() {
            return status == FileStatus.UNREADABLE;
        }
    }

    /** Whether admission found a file readable. */
    public enum FileStatus {

        READY, UNREADABLE

    }

    /**
     * Rows left to read in the pending files; {@code complete} is false while a
     * workbook's length is unknown.
     */
    public record RowsLeft(long rows, boolean complete) {
    }

    private final JdbcTemplate jdbc;

    private final FindingStore findings;

    private final RowTables rows;

    private final VerdictStore verdicts;

    private final DigestStore digests;

    public IntakeStore(JdbcTemplate jdbc, FindingStore findings, RowTables rows, VerdictStore verdicts,
            DigestStore digests) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.rows = rows;
        this.verdicts = verdicts;
        this.digests = digests;
    }

    /** When the round's personal data was destroyed, if it was. */
    public Optional<LocalDateTime> destroyedAt(int round) {
        return jdbc
            .queryForList("select destroyed_at from round_input where round = ? and destroyed_at is not null",
                    java.sql.Timestamp.class, round)
            .stream()
            .findFirst()
            .map(java.sql.Timestamp::toLocalDateTime);
    }

    /**
     * Marks the round destroyed (its rows, findings and digests gone): it is not run
     * again, and the centers' addresses go with the rest.
     */
    public int markDestroyed(int round, LocalDateTime at) {
        int addresses = jdbc
            .update("update center set contact_email = null where round = ? and contact_email is not null", round);
        if (jdbc.update("update round_input set destroyed_at = ? where round = ?", java.sql.Timestamp.valueOf(at),
                round) == 0) {
            jdbc.update("insert into round_input (round, centers_sha256, destroyed_at) values (?, ?, ?)", round,
                    "0".repeat(64), java.sql.Timestamp.valueOf(at));
        }
        return addresses;
    }

    /** The rounds the database holds, oldest first. */
    public List<Integer> storedRounds() {
        return jdbc.queryForList("select round from round_input order by round", Integer.class);
    }

    public @Nullable String centersSha(int round) {
        List<String> sha = jdbc.queryForList("select centers_sha256 from round_input where round = ?", String.class,
                round);
        return sha.isEmpty() ? null : sha.get(0);
    }

    /**
     * Stores centers.csv; when it changed, every row of the round was judged against old
     * reference data and goes.
     */
    public void replaceCenters(int round, List<Center> centers, String sha256) {
        if (!sha256.equals(centersSha(round))) {
            // a file's rows are replaced together, in every table that holds them
            rows.forgetRound(round);
            digests.forgetRound(round);
            verdicts.forgetRound(round);
            findings.forgetRound(round);
            jdbc.update("delete from source_range where round = ?", round);
            jdbc.update("delete from source_file where round = ?", round);
            jdbc.update("delete from round_input where round = ?", round);
            jdbc.update("insert into round_input (round, centers_sha256) values (?, ?)", round, sha256);
        }
        jdbc.update("delete from center where round = ?", round);
        jdbc.batchUpdate(
                "insert into center (round, center_code, center_name, district, industry, project_title, track,"
                        + " budget_cap_krw, target_firms, period_start, period_end, contact_email)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?)",
                centers, centers.size(), (ps, c) -> {
                    ps.setInt(1, round);
                    ps.setString(2, c.code());
                    ps.setString(3, c.name());
                    ps.setString(4, c.district());
                    ps.setString(5, c.industry());
                    ps.setString(6, c.projectTitle());
                    ps.setString(7, c.track());
                    ps.setLong(8, c.budgetCapKrw());
                    ps.setInt(9, c.targetFirms());
                    ps.setDate(10, Date.valueOf(c.periodStart()));
                    ps.setDate(11, Date.valueOf(c.periodEnd()));
                    ps.setString(12, c.contactEmails().isEmpty() ? null : String.join(";", c.contactEmails()));
                });
    }

    public List<Center> centers(int round) {
        return jdbc.query("select * from center where round = ? order by center_code",
                (rs, i) -> new Center(rs.getString("center_code"), rs.getString("center_name"),
                        rs.getString("district"), rs.getString("industry"), rs.getString("project_title"),
                        rs.getString("track"), rs.getLong("budget_cap_krw"), rs.getInt("target_firms"),
                        rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                        emails(rs.getString("contact_email"))),
                round);
    }

    private static List<String> emails(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(";"));
    }

    public Map<String, StoredFile> files(int round) {
        Map<String, StoredFile> files = new HashMap<>();
        for (StoredFile f : allFiles(round)) {
            files.put(f.sourceFile(), f);
        }
        return files;
    }

    public List<StoredFile> allFiles(int round) {
        // a file's rows read and whether it is read to the end: its ranges'
        return jdbc.query("select f.*, (select coalesce(sum(r.rows_read), 0) from source_range r"
                + " where r.round = f.round and r.source_file = f.source_file) as rows_read,"
                + " (select count(*) from source_range r where r.round = f.round and r.source_file = f.source_file"
                + " and r.complete = false) as ranges_left from source_file f where f.round = ? order by f.file_seq",
                (rs, i) -> {
                    FileStatus status = FileStatus.valueOf(rs.getString("status"));
                    return new StoredFile(rs.getString("source_file"), rs.getInt("file_seq"),
                            FileKind.valueOf(rs.getString("kind")), rs.getString("sha256"), rs.getString("encoding"),
                            status, rs.getLong("rows_read"),
                            status == FileStatus.READY && rs.getLong("ranges_left") == 0, rs.getLong("size_bytes"),
                            (Long) rs.getObject("estimated_rows", Long.class));
                }, round);
    }

    /**
     * A range of an admitted file not yet read to its end ({@link FileRange}), with its
     * checkpoint: the data rows of the range committed.
     */
    public record PendingRange(String sourceFile, int fileSeq, FileKind kind, @Nullable String encoding, long sizeBytes,
            int rangeSeq, FileRange range, long rowsRead) {

        public RangeKey key() {
            return new RangeKey(sourceFile, rangeSeq);
        }

    }

    /** A range of a file, by the file's name and the range's place in it. */
    public record RangeKey(String sourceFile, int rangeSeq) {
    }

    /** The ranges of admitted files not yet read to their end, in file order. */
    public List<PendingRange> pendingRanges(int round) {
        return pendingRanges("", round);
    }

    /** The pending ranges assigned to one ingest partition, in file order. */
    public List<PendingRange> pendingRanges(int round, int partition) {
        return pendingRanges(" and r.ingest_partition = ?", round, partition);
    }

    private List<PendingRange> pendingRanges(String condition, Object... args) {
        return jdbc.query("select f.file_seq, f.kind, f.encoding, f.size_bytes, r.* from source_range r"
                + " join source_file f on f.round = r.round and f.source_file = r.source_file"
                + " where r.round = ? and f.status = 'READY' and r.complete = false" + condition
                + " order by f.file_seq, r.range_seq", (rs, i) -> {
                    String reported = rs.getString("reported_columns");
                    Set<Integer> columns = new HashSet<>();
                    for (String column : reported.isEmpty() ? new String[0] : reported.split(",")) {
                        columns.add(Integer.valueOf(column));
                    }
                    FileRange range = new FileRange(rs.getLong("start_byte"), rs.getLong("start_line"),
                            rs.getInt("start_row"), rs.getLong("start_ordinal"), columns, rs.getLong("end_line"),
                            (Long) rs.getObject("estimated_rows", Long.class));
                    return new PendingRange(rs.getString("source_file"), rs.getInt("file_seq"),
                            FileKind.valueOf(rs.getString("kind")), rs.getString("encoding"), rs.getLong("size_bytes"),
                            rs.getInt("range_seq"), range, rs.getLong("rows_read"));
                }, args);
    }

    /** Where each range of a file starts among its data rows (by range_seq). */
    public long[] rangeStarts(int round, String sourceFile) {
        return jdbc
            .queryForList("select start_ordinal from source_range where round = ? and source_file = ?"
                    + " order by range_seq", Long.class, round, sourceFile)
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    }

    /** Assigns each pending range its ingest partition, in one transaction. */
    public void assignPartitions(int round, Map<RangeKey, Integer> partitionOfRange) {
        jdbc.update("update source_range set ingest_partition = null where round = ?", round);
        jdbc.batchUpdate(
                "update source_range set ingest_partition = ? where round = ? and source_file = ? and range_seq = ?",
                List.copyOf(partitionOfRange.entrySet()), 1000, (ps, e) -> {
                    ps.setInt(1, e.getValue());
                    ps.setInt(2, round);
                    ps.setString(3, e.getKey().sourceFile());
                    ps.setInt(4, e.getKey().rangeSeq());
                });
    }

    /** Removes a file and everything read from it. */
    public void forgetFile(int round, String sourceFile) {
        rows.forgetFile(round, sourceFile);
        digests.forgetFile(round, sourceFile);
        verdicts.forgetFile(round, sourceFile);
        findings.forgetFile(round, sourceFile);
        jdbc.update("delete from source_range where round = ? and source_file = ?", round, sourceFile);
        jdbc.update("delete from source_file where round = ? and source_file = ?", round, sourceFile);
    }

    /**
     * Registers an admitted file with the ranges its rows are read in (none when
     * UNREADABLE), each with nothing read.
     */
    public void registerFile(int round, SourceFiles.InputFile file, int seq, FileKind kind, @Nullable String encoding,
            FileStatus status, @Nullable Long estimatedRows, List<FileRange> ranges) {
        jdbc.update(
                "insert into source_file (round, source_file, file_seq, kind, sha256, size_bytes, encoding, status,"
                        + " estimated_rows, digests_stored) values (?,?,?,?,?,?,?,?,?,true)",
                round, file.sourceFile(), seq, kind.name(), file.sha256(), file.sizeBytes(), encoding, status.name(),
                estimatedRows);
        // a range's place in the file is its range_seq
        List<Integer> places = java.util.stream.IntStream.range(0, ranges.size()).boxed().toList();
        jdbc.batchUpdate("insert into source_range (round, source_file, range_seq, start_byte, start_line, start_row,"
                + " start_ordinal, reported_columns, end_line, estimated_rows, rows_read, complete)"
                + " values (?,?,?,?,?,?,?,?,?,?,0,false)", places, 1000, (ps, place) -> {
                    FileRange range = ranges.get(place);
                    ps.setInt(1, round);
                    ps.setString(2, file.sourceFile());
                    ps.setInt(3, place);
                    ps.setLong(4, range.startByte());
                    ps.setLong(5, range.startLine());
                    ps.setInt(6, range.startRow());
                    ps.setLong(7, range.startOrdinal());
                    ps.setString(8,
                            range.reportedColumns()
                                .stream()
                                .sorted()
                                .map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(",")));
                    ps.setLong(9, range.endLine());
                    ps.setObject(10, range.rows());
                });
    }

    /**
     * Rows left to read in the pending files (a workbook's row count is not known before
     * reading it).
     */
    public RowsLeft rowsLeft(int round) {
        return jdbc.queryForObject(
                "select coalesce(sum(estimated_rows - rows_read), 0),"
                        + " count(case when estimated_rows is null then 1 end) from source_range"
                        + " where round = ? and complete = false",
                (rs, i) -> new RowsLeft(Math.max(0, rs.getLong(1)), rs.getLong(2) == 0), round);
    }

    /**
     * Rows committed of the round's files, and rows expected (a file's estimate until it
     * is read): the console's progress.
     */
    public record RowsRead(long read, long expected) {
    }

    public RowsRead rowsRead(int round) {
        // a workbook's rows are expected as read until its end is known
        return jdbc.queryForObject(
                "select coalesce(sum(rows_read), 0), coalesce(sum(coalesce(estimated_rows,"
                        + " rows_read)), 0) from source_range where round = ?",
                (rs, i) -> new RowsRead(rs.getLong(1), rs.getLong(2)), round);
    }

    public void setFileSeq(int round, String sourceFile, int seq) {
        jdbc.update("update source_file set file_seq = ? where round = ? and source_file = ?", seq, round, sourceFile);
    }

    /**
     * Moves a range's checkpoint from {@code from} (its rows committed before the chunk)
     * to {@code rowsRead}; a checkpoint found elsewhere means a commit this run was told
     * of is not in the database, and the chunk must not be stored on top of the gap.
     */
    public void recordProgress(int round, RangeKey range, long from, long rowsRead, boolean complete) {
        int moved = jdbc.update(
                "update source_range set rows_read = ?, complete = ? where round = ?"
                        + " and source_file = ? and range_seq = ? and rows_read = ?",
                rowsRead, complete, round, range.sourceFile(), range.rangeSeq(), from);
        if (moved != 1) {
            throw new LostCommitException(range, from);
        }
    }

    /**
     * Builds the digests of files stored before digests were (Flyway V10) from their
     * rows, once; returns how many files needed it.
     */
    public int storeMissingDigests(int round) {
        List<String> files = jdbc.queryForList(
                "select source_file from source_file where round = ? and digests_stored = false order by file_seq",
                String.class, round);
        for (String file : files) {
            digests.rebuild(round, file);
            jdbc.update("update source_file set digests_stored = true where round = ? and source_file = ?", round,
                    file);
        }
        return files.size();
    }

}
