package kr.seoul.sogong.outcomes.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The peer a data engineer would pick: DuckDB computing the participation and
 * satisfaction tables straight from the round's CSV files (read_csv → GROUP BY → CSV).
 * Benchmark only; not part of the application. Usage: DuckDbPeer <input/round dir>
 * <output dir>
 */
public final class DuckDbPeer {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(out);
        String participants = "read_csv('" + in.resolve("results")
                + "/*_participants.csv', header = true, all_varchar = true)";
        String survey = "read_csv('" + in.resolve("survey") + "/*.csv', header = true, all_varchar = true)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (WITH p AS (SELECT center_code, brn, completed FROM " + participants + "),"
                    + " r AS (SELECT center AS center_code, count(*) AS responses FROM " + survey + " GROUP BY 1)"
                    + " SELECT p.center_code, count(DISTINCT p.brn) AS supported_firms,"
                    + " count(DISTINCT CASE WHEN upper(p.completed) = 'Y' THEN p.brn END) AS completed_firms,"
                    + " any_value(r.responses) AS survey_responses"
                    + " FROM p LEFT JOIN r USING (center_code) GROUP BY p.center_code ORDER BY p.center_code)" + " TO '"
                    + out.resolve("participation.csv") + "' (HEADER)");
            s.execute("COPY (WITH a AS (SELECT center AS center_code,"
                    + " unnest(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']) AS item,"
                    + " unnest([q1, q2, q3, q4, q5, q6]) AS v FROM " + survey + "),"
                    + " b AS (SELECT center_code, item, TRY_CAST(v AS INTEGER) AS v FROM a WHERE v IS NOT NULL)"
                    + " SELECT center_code, item, count(v) AS n, avg(v) AS mean, stddev_samp(v) AS sd,"
                    + " 100.0 * count(CASE WHEN v >= 4 THEN 1 END) / count(v) AS top2_pct"
                    + " FROM b WHERE v BETWEEN 1 AND 5 GROUP BY 1, 2 ORDER BY 1, 2)" + " TO '"
                    + out.resolve("satisfaction.csv") + "' (HEADER)");
        }
    }

}
