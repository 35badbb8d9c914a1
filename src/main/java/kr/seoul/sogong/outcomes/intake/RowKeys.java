package kr.seoul.sogong.outcomes.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.rows.AcceptedRow;
import kr.seoul.sogong.outcomes.rows.Outcome;
import kr.seoul.sogong.outcomes.rows.Participant;
import kr.seoul.sogong.outcomes.rows.SurveyResponse;

/**
 * What the rules across rows need of a stored row, kept beside the rows of each chunk
 * (table {@code row_keys}): the firm, its center, the row's place in its file and, for a
 * survey response, when it was submitted. Packed, about 20 bytes a row, so the rules read
 * a round's keys in a fraction of the time a scan of the row tables took, and a restart
 * keeps the keys of every chunk committed before it.
 *
 * <p>
 * A packed block: the center codes and sheets it names, then each row as business number,
 * center, sheet, row number and (survey only) the submission time in microseconds — a row
 * table's {@code timestamp} precision, so two responses tie here exactly when they tie in
 * the table.
 */
public final class RowKeys {

    /** The row tables whose rows have keys. */
    public static final List<String> TABLES = List.of("participant", "outcome", "survey_response");

    private static final int VERSION = 1;

    private RowKeys() {
    }

    /** One stored row's key, as the rules read it back. */
    public interface Reader {

        /**
         * @param submittedAtMicros microseconds since 1970 (UTC wall time), or
         * {@link Long#MIN_VALUE} for a table without it
         */
        void row(String sourceFile, String center, long brn, int sheetIndex, String sheet, int rowNumber,
                long submittedAtMicros);

    }

    /** The table a row's key goes with, or null for a row without one (budget lines). */
    static String tableOf(AcceptedRow row) {
        return row instanceof Participant || row instanceof Outcome || row instanceof SurveyResponse ? row.table()
                : null;
    }

    /** Collects the keys of one file's rows of one table in a chunk. */
    public static final class Packer {

        private final List<String> centers = new ArrayList<>();

        private final Map<String, Integer> centerIndex = new HashMap<>();

        private final List<String> sheets = new ArrayList<>();

        private final List<Integer> sheetIndexes = new ArrayList<>();

        private final Map<Integer, Integer> sheetAt = new HashMap<>();

        private final ByteArrayOutputStream rows = new ByteArrayOutputStream(8192);

        private final DataOutputStream out = new DataOutputStream(rows);

        private final boolean timed;

        private int count;

        public Packer(String table) {
            this.timed = "survey_response".equals(table);
        }

        void add(SourceRow source, AcceptedRow row) {
            if (row instanceof Participant p) {
                add(p.centerCode(), p.brn(), source.sheetIndex(), source.sheet(), source.rowNumber(), null);
            }
            else if (row instanceof Outcome o) {
                add(o.centerCode(), o.brn(), source.sheetIndex(), source.sheet(), source.rowNumber(), null);
            }
            else if (row instanceof SurveyResponse s) {
                add(s.centerCode(), s.brn(), source.sheetIndex(), source.sheet(), source.rowNumber(), s.submittedAt());
            }
        }

        /** One row's key; {@code submittedAt} only for a survey response. */
        public void add(String center, String brn, int sheetIndex, String sheet, int rowNumber,
                LocalDateTime submittedAt) {
            try {
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
                if (timed) {
                    out.writeLong(micros(submittedAt));
                }
                count++;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int count() {
            return count;
        }

        public byte[] packed() {
            ByteArrayOutputStream all = new ByteArrayOutputStream(rows.size() + 256);
            try (DataOutputStream head = new DataOutputStream(all)) {
                head.writeByte(VERSION);
                head.writeBoolean(timed);
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

    private static final LocalDateTime EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);

    /**
     * Hands each row packed in {@code packed} to the reader, in the order they were
     * added.
     */
    public static void unpack(String sourceFile, byte[] packed, Reader reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("row keys of " + sourceFile + " in an unknown layout " + version);
            }
            boolean timed = in.readBoolean();
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
            for (int i = 0; i < count; i++) {
                long brn = in.readLong();
                String center = centers[in.readShort()];
                int sheet = in.readShort();
                int rowNumber = in.readInt();
                long submitted = timed ? in.readLong() : Long.MIN_VALUE;
                reader.row(sourceFile, center, brn, sheetIndexes[sheet], sheets[sheet], rowNumber, submitted);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Microseconds since 1970 as a UTC wall time: what {@code add} stores of a time. */
    public static long micros(LocalDateTime time) {
        return ChronoUnit.MICROS.between(EPOCH, time);
    }

}
