package kr.seoul.sogong.outcomes.console;

import java.util.ArrayList;
import java.util.List;
import kr.seoul.sogong.outcomes.reports.CommitteeFiles;
import org.springframework.http.HttpMethod;

/**
 * Who may reach what, in one table: every route of the console and its API with the least
 * role that may use it. {@link ConsoleSecurity} builds its rules from it in this order
 * (the first that matches decides), anything not listed is refused, and
 * {@code ConsoleRoutesTest} walks every route the application maps as anonymous, VIEWER
 * and OPERATOR against the copy of this table in the README.
 *
 * <p>
 * What a VIEWER (the committee) may download is decided here: the committee's files
 * ({@link CommitteeFiles}), which hold aggregates only. Row-level files — rejects, data
 * quality, the manifest, the centers' corrections — are for operators.
 */
final class ConsoleAccess {

    /** The least role a route takes. */
    enum Who {

        /** no sign-in */
        ANYONE,
        /** any signed-in user: VIEWER or OPERATOR */
        SIGNED_IN,
        /** operators only */
        OPERATOR

    }

    /** One line of the table: a method, an Ant-style path pattern, and who. */
    record Route(HttpMethod method, String pattern, Who who) {
    }

    static final List<Route> PAGES;

    static final List<Route> API = List.of(new Route(HttpMethod.GET, "/api/rounds", Who.SIGNED_IN),
            new Route(HttpMethod.GET, "/api/rounds/*/executions", Who.SIGNED_IN),
            new Route(HttpMethod.GET, "/api/rounds/*/findings", Who.OPERATOR),
            // the status word for a monitor or a probe; the rounds' lines for operators
            new Route(HttpMethod.GET, "/api/health/nightly", Who.ANYONE));

    static {
        List<Route> pages = new ArrayList<>(List.of(new Route(HttpMethod.GET, "/login", Who.ANYONE),
                new Route(HttpMethod.GET, "/console/**", Who.ANYONE), new Route(HttpMethod.GET, "/error", Who.ANYONE),
                new Route(HttpMethod.GET, "/favicon.ico", Who.ANYONE), new Route(HttpMethod.GET, "/", Who.SIGNED_IN),
                new Route(HttpMethod.GET, "/rounds/*", Who.SIGNED_IN),
                new Route(HttpMethod.GET, "/rounds/*/progress.json", Who.SIGNED_IN),
                new Route(HttpMethod.GET, "/rounds/*/report", Who.SIGNED_IN),
                new Route(HttpMethod.GET, "/rounds/*/findings", Who.OPERATOR),
                new Route(HttpMethod.GET, "/rounds/*/findings.csv", Who.OPERATOR),
                new Route(HttpMethod.GET, "/rounds/*/files", Who.OPERATOR),
                new Route(HttpMethod.GET, "/ledger", Who.OPERATOR),
                new Route(HttpMethod.GET, "/ledger.csv", Who.OPERATOR),
                new Route(HttpMethod.GET, "/access", Who.OPERATOR),
                new Route(HttpMethod.GET, "/access.csv", Who.OPERATOR)));
        CommitteeFiles.NAMES.stream()
            .sorted()
            .forEach(name -> pages.add(new Route(HttpMethod.GET, "/rounds/*/output/" + name, Who.SIGNED_IN)));
        pages.addAll(List.of(new Route(HttpMethod.GET, "/rounds/*/output/*", Who.OPERATOR),
                new Route(HttpMethod.GET, "/rounds/*/corrections/*", Who.OPERATOR),
                new Route(HttpMethod.POST, "/rounds/*/start", Who.OPERATOR),
                new Route(HttpMethod.POST, "/rounds/*/executions/*/restart", Who.OPERATOR),
                new Route(HttpMethod.POST, "/rounds/*/executions/*/stop", Who.OPERATOR)));
        PAGES = List.copyOf(pages);
    }

    private ConsoleAccess() {
    }

    /** Whether a VIEWER may download this output of a round. */
    static boolean forViewers(String outputName) {
        return CommitteeFiles.NAMES.contains(outputName);
    }

}
