package kr.seoul.sogong.outcomes.retention;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The destruction ledger (파기 관리대장): the owner of {@code destruction_ledger}. */
@Component
public class DestructionLedger {

    private static final String INSERT = "insert into destruction_ledger (round, destroyed_at, run_by, legal_basis,"
            + " destroyed, keys_sha256, files) values (:round, :destroyedAt, :runBy, :legalBasis, :destroyed,"
            + " :keysSha256, :files)";

    private static final String ALL = "select round, destroyed_at, run_by, legal_basis, destroyed, keys_sha256, files"
            + " from destruction_ledger order by destroyed_at, id";

    /**
     * One line: the round, when, who ran it, on what basis, what kinds were destroyed and
     * how many of each, the sha256 of the list of destroyed keys, the files deleted.
     */
    public record Line(int round, LocalDateTime destroyedAt, String runBy, String legalBasis, String destroyed,
            String keysSha256, String files) {
    }

    private final JdbcClient jdbc;

    public DestructionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Line line) {
        jdbc.sql(INSERT).paramSource(line).update();
    }

    /** Every line, oldest first. */
    public List<Line> all() {
        return jdbc.sql(ALL).query(Line.class).list();
    }

    /** The ledger's columns, as its CSV export has them. */
    public static final List<String> HEADER = List.of("round", "destroyed_at", "run_by", "legal_basis", "destroyed",
            "keys_sha256", "files");

    /** A line as its CSV export has it. */
    public static List<String> cells(Line l) {
        return List.of(String.valueOf(l.round()), l.destroyedAt().withNano(0).toString(), l.runBy(), l.legalBasis(),
                l.destroyed(), l.keysSha256(), l.files());
    }

}
