package kr.seoul.sogong.outcomes.store;

import org.jspecify.annotations.Nullable;

import kr.seoul.sogong.outcomes.rows.SurveyItem;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import kr.seoul.sogong.outcomes.rows.FirmRow;
import kr.seoul.sogong.outcomes.rows.Need;
import kr.seoul.sogong.outcomes.rows.Outcome;
import kr.seoul.sogong.outcomes.rows.Participant;
import kr.seoul.sogong.outcomes.rows.RowTable;
import kr.seoul.sogong.outcomes.rows.SurveyResponse;

/**
 * What a digest holds of a row after its key, per table: written from an accepted row
 * (the ingest), written from the table's row (digests built for rows stored before
 * digests existed) and read back — side by side, so the three cannot drift apart.
 */
enum DigestLayout {

    PARTICIPANT(RowTable.PARTICIPANT) {
        @Override
        void write(FirmRow row, DataOutputStream out) throws IOException {
            Participant p = (Participant) row;
            participant(out, p.completed(), p.educationHours());
        }

        @Override
        void write(ResultSet rs, DataOutputStream out) throws IOException, SQLException {
            participant(out, rs.getBoolean("completed"), rs.getBigDecimal("education_hours"));
        }

        private void participant(DataOutputStream out, boolean completed, @Nullable BigDecimal hours)
                throws IOException {
            out.writeBoolean(completed);
            writeDecimal(out, hours, 2);
        }

        @Override
        void read(DataInputStream in, RowDigests.Row row) throws IOException {
            row.completed = in.readBoolean();
            row.educationHours = readDecimal(in, 2);
        }
    },

    OUTCOME(RowTable.OUTCOME) {
        @Override
        void write(FirmRow row, DataOutputStream out) throws IOException {
            Outcome o = (Outcome) row;
            outcome(out, o.salesBeforeK(), o.salesAfterK(), o.newClients(), o.newOrders(), o.onlineListed(),
                    o.patterns());
        }

        @Override
        void write(ResultSet rs, DataOutputStream out) throws IOException, SQLException {
            outcome(out, rs.getBigDecimal("sales_before_k"), rs.getBigDecimal("sales_after_k"),
                    rs.getObject("new_clients", Integer.class), rs.getObject("new_orders", Integer.class),
                    rs.getObject("online_listed", Boolean.class), rs.getObject("patterns", Integer.class));
        }

        private void outcome(DataOutputStream out, @Nullable BigDecimal before, @Nullable BigDecimal after,
                @Nullable Integer clients, @Nullable Integer orders, @Nullable Boolean listed,
                @Nullable Integer patterns) throws IOException {
            writeDecimal(out, before, 3);
            writeDecimal(out, after, 3);
            writeInteger(out, clients);
            writeInteger(out, orders);
            out.writeByte(listed == null ? 0 : listed ? 2 : 1);
            writeInteger(out, patterns);
        }

        @Override
        void read(DataInputStream in, RowDigests.Row row) throws IOException {
            row.salesBeforeK = readDecimal(in, 3);
            row.salesAfterK = readDecimal(in, 3);
            row.newClients = readInteger(in);
            row.newOrders = readInteger(in);
            int listed = in.readByte();
            row.onlineListed = listed == 0 ? null : listed == 2;
            row.patterns = readInteger(in);
        }
    },

    SURVEY_RESPONSE(RowTable.SURVEY_RESPONSE) {
        @Override
        void write(FirmRow row, DataOutputStream out) throws IOException {
            SurveyResponse s = (SurveyResponse) row;
            int needs = 0;
            for (Need n : s.needs()) {
                needs |= 1 << n.ordinal();
            }
            survey(out, s.submittedAt(), s.answers(), needs);
        }

        @Override
        void write(ResultSet rs, DataOutputStream out) throws IOException, SQLException {
            Integer[] a = new Integer[ITEMS.length];
            for (SurveyItem item : ITEMS) {
                a[item.ordinal()] = rs.getObject(item.code(), Integer.class);
            }
            SurveyResponse.Answers answers = new SurveyResponse.Answers(a[0], a[1], a[2], a[3], a[4], a[5]);
            int needs = 0;
            for (Need n : NEEDS) {
                needs |= rs.getBoolean(n.column()) ? 1 << n.ordinal() : 0;
            }
            survey(out, rs.getTimestamp("submitted_at").toLocalDateTime(), answers, needs);
        }

        private void survey(DataOutputStream out, LocalDateTime submittedAt, SurveyResponse.Answers a, int needs)
                throws IOException {
            out.writeLong(RowDigests.micros(submittedAt));
            for (Integer q : new Integer[] { a.q1(), a.q2(), a.q3(), a.q4(), a.q5(), a.q6() }) {
                // 1..5 or 9 (the row rules saw to it), 0 for blank
                out.writeByte(q == null ? 0 : q);
            }
            out.writeShort(needs);
        }

        @Override
        void read(DataInputStream in, RowDigests.Row row) throws IOException {
            row.submittedAtMicros = in.readLong();
            for (int q = 0; q < 6; q++) {
                row.answers[q] = in.readByte();
            }
            row.needs = in.readShort();
        }
    };

    private static final Need[] NEEDS = Need.values();

    private static final SurveyItem[] ITEMS = SurveyItem.values();

    private final RowTable table;

    DigestLayout(RowTable table) {
        this.table = table;
    }

    RowTable table() {
        return table;
    }

    /** The layout of a table's digests; a table without digests has none. */
    static DigestLayout of(RowTable table) {
        for (DigestLayout layout : values()) {
            if (layout.table == table) {
                return layout;
            }
        }
        throw new IllegalArgumentException("no digests for " + table.sqlName());
    }

    /** An accepted row's figures, as the ingest stores it. */
    abstract void write(FirmRow row, DataOutputStream out) throws IOException;

    /** A stored row's figures, as its table holds them. */
    abstract void write(ResultSet rs, DataOutputStream out) throws IOException, SQLException;

    /** The figures back into the reused row. */
    abstract void read(DataInputStream in, RowDigests.Row row) throws IOException;

    private static void writeInteger(DataOutputStream out, @Nullable Integer v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    /**
     * At the column's scale, as the table returns it; the row rules bounded the scale.
     */
    private static void writeDecimal(DataOutputStream out, @Nullable BigDecimal v, int scale) throws IOException {
        if (v == null) {
            out.writeByte(0);
            return;
        }
        byte[] unscaled = v.setScale(scale).unscaledValue().toByteArray();
        out.writeByte(unscaled.length);
        out.write(unscaled);
    }

    private static @Nullable Integer readInteger(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static @Nullable BigDecimal readDecimal(DataInputStream in, int scale) throws IOException {
        int length = in.readByte();
        if (length == 0) {
            return null;
        }
        byte[] unscaled = new byte[length];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), scale);
    }

}
