package kr.seoul.sogong.outcomes.store;

import kr.seoul.sogong.outcomes.intake.SourceRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.rows.Outcome;
import kr.seoul.sogong.outcomes.rows.Participant;
import kr.seoul.sogong.outcomes.rows.SurveyResponse;

/**
 * What the steps after the ingest need of a stored row, kept beside the rows of each
 * chunk (table {@code row_digest}, one row per chunk, file and table): the firm, its
 * center and the row's place in its file for the rules across rows; the figures the
 * outcome tables count and sum. Packed, 20 to 40 bytes a row, so those steps read a
 * round's digests in a fraction of the time a scan of the row tables took (about 2 s a
 * million rows on H2), and a restart keeps the digests of every chunk committed before
 * it.
 *
 * <p>
 * A digest holds the values as the row tables store them: decimals at their column's
 * scale, the submission time to the microsecond (a {@code timestamp}'s precision), so
 * what is computed from digests is what the tables' rows give.
 */
public final class RowDigests {

    /** The row tables whose rows have digests. */
    public static final List<String> TABLES = List.of("participant", "outcome", "survey_response");

    private static final int LAYOUT = 1;

    private static final LocalDateTime EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);

    private static final Need[] NEEDS = Need.values();

    private RowDigests() {
    }

    /**
     * One row's digest as it is read back; the same object, refilled, for every row of a
     * read: copy what must outlive the call. Fields of another table than the row's hold
     * nothing that matters.
     */
    public static final class Row {

        public String sourceFile;

        public String center;

        /** The business number's ten digits as a number. */
        public long brn;

        public int sheetIndex;

        public String sheet;

        public int rowNumber;

        /** Survey: microseconds since 1970 as a UTC wall time. */
        public long submittedAtMicros;

        /** Survey: q1..q6, 0 for blank. */
        public final int[] answers = new int[6];

        /** Survey: bit {@code n.ordinal()} for each need. */
        public int needs;

        /** Participant. */
        public boolean completed;

        /** Participant, scale 2; null when blank. */
        public BigDecimal educationHours;

        /** Outcome, scale 3; null when blank. */
        public BigDecimal salesBeforeK;

        public BigDecimal salesAfterK;

        /** Outcome; null when blank. */
        public Integer newClients;

        public Integer newOrders;

        public Boolean onlineListed;

        public Integer patterns;

        public boolean has(Need need) {
            return (needs & 1 << need.ordinal()) != 0;
        }

    }

    /** Takes each row of a read. */
    public interface Reader {

        void row(Row row);

    }

    /** Microseconds since 1970 as a UTC wall time. */
    public static long micros(LocalDateTime time) {
        return ChronoUnit.MICROS.between(EPOCH, time);
    }

    /** Collects the digests of one file's rows of one table in a chunk. */
    public static final class Packer {

        private final String table;

        private final List<String> centers = new ArrayList<>();

        private final Map<String, Integer> centerIndex = new HashMap<>();

        private final List<String> sheets = new ArrayList<>();

        private final List<Integer> sheetIndexes = new ArrayList<>();

        private final Map<Integer, Integer> sheetAt = new HashMap<>();

        private final ByteArrayOutputStream rows = new ByteArrayOutputStream(16384);

        private final DataOutputStream out = new DataOutputStream(rows);

        private int count;

        public Packer(String table) {
            if (!TABLES.contains(table)) {
                throw new IllegalArgumentException("no digests for " + table);
            }
            this.table = table;
        }

        /** The row as the writer stores it. */
        public void add(SourceRow source, AcceptedRow accepted) {
            try {
                if (accepted instanceof Participant p) {
                    key(p.centerCode(), p.brn(), source.sheetIndex(), source.sheet(), source.rowNumber());
                    participant(p.completed(), p.educationHours());
                }
                else if (accepted instanceof Outcome o) {
                    key(o.centerCode(), o.brn(), source.sheetIndex(), source.sheet(), source.rowNumber());
                    outcome(o.salesBeforeK(), o.salesAfterK(), o.newClients(), o.newOrders(), o.onlineListed(),
                            o.patterns());
                }
                else if (accepted instanceof SurveyResponse s) {
                    key(s.centerCode(), s.brn(), source.sheetIndex(), source.sheet(), source.rowNumber());
                    int needs = 0;
                    for (Need n : s.needs()) {
                        needs |= 1 << n.ordinal();
                    }
                    survey(s.submittedAt(), s.answers(), needs);
                }
                else {
                    throw new IllegalArgumentException("no digest for " + accepted.table());
                }
                count++;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A row as the table holds it (digests built from stored rows). */
        void add(java.sql.ResultSet rs) throws java.sql.SQLException {
            try {
                key(rs.getString("center_code"), rs.getString("brn"), rs.getInt("sheet_index"), rs.getString("sheet"),
                        rs.getInt("row_number"));
                switch (table) {
                    case "participant" -> participant(rs.getBoolean("completed"), rs.getBigDecimal("education_hours"));
                    case "outcome" -> outcome(rs.getBigDecimal("sales_before_k"), rs.getBigDecimal("sales_after_k"),
                            rs.getObject("new_clients", Integer.class), rs.getObject("new_orders", Integer.class),
                            rs.getObject("online_listed", Boolean.class), rs.getObject("patterns", Integer.class));
                    default -> {
                        SurveyResponse.Answers answers = new SurveyResponse.Answers(rs.getObject("q1", Integer.class),
                                rs.getObject("q2", Integer.class), rs.getObject("q3", Integer.class),
                                rs.getObject("q4", Integer.class), rs.getObject("q5", Integer.class),
                                rs.getObject("q6", Integer.class));
                        int needs = 0;
                        for (Need n : NEEDS) {
                            needs |= rs.getBoolean(n.column()) ? 1 << n.ordinal() : 0;
                        }
                        survey(rs.getTimestamp("submitted_at").toLocalDateTime(), answers, needs);
                    }
                }
                count++;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void key(String center, String brn, int sheetIndex, String sheet, int rowNumber) throws IOException {
            out.writeLong(Long.parseLong(brn)); // ten digits: the row rules saw to it
            out.writeShort(centerIndex.computeIfAbsent(center, c -> {
                centers.add(c);
                return centers.size() - 1;
            }));
            out.writeShort(sheetAt.computeIfAbsent(sheetIndex, i -> {
                sheets.add(sheet);
                sheetIndexes.add(i);
                return sheets.size() - 1;
            }));
            out.writeInt(rowNumber);
        }

        private void participant(boolean completed, BigDecimal hours) throws IOException {
            out.writeBoolean(completed);
            writeDecimal(hours, 2);
        }

        private void outcome(BigDecimal before, BigDecimal after, Integer clients, Integer orders, Boolean listed,
                Integer patterns) throws IOException {
            writeDecimal(before, 3);
            writeDecimal(after, 3);
            writeInteger(clients);
            writeInteger(orders);
            out.writeByte(listed == null ? 0 : listed ? 2 : 1);
            writeInteger(patterns);
        }

        private void survey(LocalDateTime submittedAt, SurveyResponse.Answers a, int needs) throws IOException {
            out.writeLong(micros(submittedAt));
            writeAnswer(a.q1());
            writeAnswer(a.q2());
            writeAnswer(a.q3());
            writeAnswer(a.q4());
            writeAnswer(a.q5());
            writeAnswer(a.q6());
            out.writeShort(needs);
        }

        /** 1..5 or 9 (the row rules saw to it), 0 for blank. */
        private void writeAnswer(Integer q) throws IOException {
            out.writeByte(q == null ? 0 : q);
        }

        private void writeInteger(Integer v) throws IOException {
            out.writeBoolean(v != null);
            if (v != null) {
                out.writeInt(v);
            }
        }

        /**
         * At the column's scale, as the table returns it; the row rules bounded the
         * scale.
         */
        private void writeDecimal(BigDecimal v, int scale) throws IOException {
            if (v == null) {
                out.writeByte(0);
                return;
            }
            byte[] unscaled = v.setScale(scale).unscaledValue().toByteArray();
            out.writeByte(unscaled.length);
            out.write(unscaled);
        }

        public int count() {
            return count;
        }

        public String table() {
            return table;
        }

        public byte[] packed() {
            ByteArrayOutputStream all = new ByteArrayOutputStream(rows.size() + 256);
            try (DataOutputStream head = new DataOutputStream(all)) {
                head.writeByte(LAYOUT);
                head.writeUTF(table);
                head.writeShort(centers.size());
                for (String c : centers) {
                    head.writeUTF(c);
                }
                head.writeShort(sheets.size());
                for (int i = 0; i < sheets.size(); i++) {
                    head.writeInt(sheetIndexes.get(i));
                    head.writeUTF(sheets.get(i));
                }
                head.writeInt(count);
                rows.writeTo(head);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all.toByteArray();
        }

    }

    /**
     * Hands each row packed in {@code packed} to the reader, in the order they were
     * added.
     */
    public static void unpack(String sourceFile, byte[] packed, Row row, Reader reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int layout = in.readByte();
            if (layout != LAYOUT) {
                throw new IllegalStateException("row digests of " + sourceFile + " in an unknown layout " + layout);
            }
            String table = in.readUTF();
            String[] centers = new String[in.readShort()];
            for (int i = 0; i < centers.length; i++) {
                centers[i] = in.readUTF();
            }
            int sheetCount = in.readShort();
            int[] sheetIndexes = new int[sheetCount];
            String[] sheets = new String[sheetCount];
            for (int i = 0; i < sheetCount; i++) {
                sheetIndexes[i] = in.readInt();
                sheets[i] = in.readUTF();
            }
            int count = in.readInt();
            row.sourceFile = sourceFile;
            for (int i = 0; i < count; i++) {
                row.brn = in.readLong();
                row.center = centers[in.readShort()];
                int sheet = in.readShort();
                row.sheetIndex = sheetIndexes[sheet];
                row.sheet = sheets[sheet];
                row.rowNumber = in.readInt();
                switch (table) {
                    case "participant" -> {
                        row.completed = in.readBoolean();
                        row.educationHours = readDecimal(in, 2);
                    }
                    case "outcome" -> {
                        row.salesBeforeK = readDecimal(in, 3);
                        row.salesAfterK = readDecimal(in, 3);
                        row.newClients = readInteger(in);
                        row.newOrders = readInteger(in);
                        int listed = in.readByte();
                        row.onlineListed = listed == 0 ? null : listed == 2;
                        row.patterns = readInteger(in);
                    }
                    default -> {
                        row.submittedAtMicros = in.readLong();
                        for (int q = 0; q < 6; q++) {
                            row.answers[q] = in.readByte();
                        }
                        row.needs = in.readShort();
                    }
                }
                reader.row(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static BigDecimal readDecimal(DataInputStream in, int scale) throws IOException {
        int length = in.readByte();
        if (length == 0) {
            return null;
        }
        byte[] unscaled = new byte[length];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

}
