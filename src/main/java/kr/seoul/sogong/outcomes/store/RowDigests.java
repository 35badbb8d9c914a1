package kr.seoul.sogong.outcomes.store;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.intake.SourceRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import kr.seoul.sogong.outcomes.rows.FirmRow;
import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.rows.Need;

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
    public static final List<RowTable> TABLES = RowTable.DIGESTED;

    /** The packing's version, first byte of every digest. */
    private static final int FORMAT = 1;

    private static final LocalDateTime EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);

    private RowDigests() {
    }

    /**
     * One row's digest as it is read back; the same object, refilled, for every row of a
     * read: copy what must outlive the call. Fields of another table than the row's hold
     * nothing that matters.
     */
    public static final class Row {

        // each read sets them before the row is handed out
        public String sourceFile = "";

        public String center = "";

        /** The business number's ten digits as a number. */
        public long brn;

        public int sheetIndex;

        public String sheet = "";

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
        public @Nullable BigDecimal educationHours;

        /** Outcome, scale 3; null when blank. */
        public @Nullable BigDecimal salesBeforeK;

        public @Nullable BigDecimal salesAfterK;

        /** Outcome; null when blank. */
        public @Nullable Integer newClients;

        public @Nullable Integer newOrders;

        public @Nullable Boolean onlineListed;

        public @Nullable Integer patterns;

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

        private final DigestLayout layout;

        private final List<String> centers = new ArrayList<>();

        private final Map<String, Integer> centerIndex = new HashMap<>();

        private final List<String> sheets = new ArrayList<>();

        private final List<Integer> sheetIndexes = new ArrayList<>();

        private final Map<Integer, Integer> sheetAt = new HashMap<>();

        private final ByteArrayOutputStream rows = new ByteArrayOutputStream(16384);

        private final DataOutputStream out = new DataOutputStream(rows);

        private int count;

        public Packer(RowTable table) {
            this.layout = DigestLayout.of(table);
        }

        /** The row as the writer stores it. */
        public void add(SourceRow source, AcceptedRow accepted) {
            if (!(accepted instanceof FirmRow row) || accepted.table() != layout.table()) {
                throw new IllegalArgumentException(
                        "a " + accepted.table().sqlName() + " row among the digests of " + layout.table().sqlName());
            }
            try {
                key(row.centerCode(), row.brn(), source.sheetIndex(), source.sheet(), source.rowNumber());
                layout.write(row, out);
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
                layout.write(rs, out);
                count++;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void key(String center, String brn, int sheetIndex, String sheet, int rowNumber) throws IOException {
            // ten digits: the row rules saw to it
            out.writeLong(Long.parseLong(brn));
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

        public int count() {
            return count;
        }

        public RowTable table() {
            return layout.table();
        }

        public byte[] packed() {
            ByteArrayOutputStream all = new ByteArrayOutputStream(rows.size() + 256);
            try (DataOutputStream head = new DataOutputStream(all)) {
                head.writeByte(FORMAT);
                head.writeUTF(layout.table().sqlName());
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
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("row digests of " + sourceFile + " in an unknown format " + format);
            }
            DigestLayout layout = DigestLayout.of(RowTable.ofSqlName(in.readUTF()));
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
                layout.read(in, row);
                reader.row(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
