package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.seoul.sogong.outcomes.reports.CommitteeFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the console maps — each page, API call, output file and correction workbook
 * of a round — requested as anonymous, VIEWER and OPERATOR, and held to the table of
 * routes in the README (which must be the code's table, {@code ConsoleAccess}, line for
 * line): anonymous is sent to sign in (pages) or answered 401 (API) where a sign-in is
 * needed, a VIEWER is refused (403) what is for operators, and a route the table does not
 * list is refused to everyone. Row-level files — rejects, data quality, the manifest,
 * corrections — are operators' only; a link put in the output folder is served to nobody.
 * Guards the VIEWER who downloaded rejects.csv (issue 21).
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "outcomes.launcher.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:console-routes;DB_CLOSE_DELAY=-1",
        "logging.file.name=target/test-logs/console-routes.log" })
@AutoConfigureMockMvc
class ConsoleRoutesTest {

    static final Path WORK;

    static final int ROUND = 2022;

    static {
        try {
            WORK = Files.createTempDirectory("console-routes");
            ConsoleUsers users = new ConsoleUsers(WORK.resolve("console-users"));
            users.add("op", ConsoleUsers.Role.OPERATOR, "Seoul-jewel-7-lathe");
            Path out = WORK.resolve("output").resolve(String.valueOf(ROUND));
            Files.createDirectories(out.resolve("corrections"));
            for (String name : CommitteeFiles.NAMES) {
                Files.writeString(out.resolve(name), "aggregates");
            }
            for (String name : List.of("rejects.csv", "data_quality.csv", "manifest.json")) {
                Files.writeString(out.resolve(name), "rows of firms");
            }
            Files.writeString(out.resolve("corrections").resolve("BONGIK_수정요청.xlsx"), "rows of firms");
            // what an outsider would plant: a link to the users' password hashes
            Files.createSymbolicLink(out.resolve("users.csv"), WORK.resolve("console-users"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) {
        registry.add("outcomes.console.users-file", () -> WORK.resolve("console-users").toString());
        registry.add("outcomes.output-dir", () -> WORK.resolve("output").toString());
        registry.add("outcomes.input-dir", () -> WORK.resolve("input").toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A line of the README's table. */
    record Line(String method, String route, String who) {
    }

    static List<Line> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("<!-- routes:");
        int end = readme.indexOf("<!-- /routes -->");
        assertThat(start).as("the README's table of routes").isPositive();
        List<Line> lines = new ArrayList<>();
        for (String row : readme.substring(start, end).split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length >= 4 && cells[2].contains("`")) {
                lines.add(new Line(cells[1].strip(), cells[2].strip().replace("`", ""), cells[3].strip()));
            }
        }
        return lines;
    }

    @Test
    void theReadmesTableIsTheCodesTable() throws IOException {
        List<Line> code = new ArrayList<>();
        for (ConsoleAccess.Route r : concat(ConsoleAccess.PAGES, ConsoleAccess.API)) {
            String who = switch (r.who()) {
                case ANYONE -> "anyone";
                case SIGNED_IN -> "signed in";
                case OPERATOR -> "OPERATOR";
            };
            code.add(new Line(r.method().name(), r.pattern(), who));
        }
        assertThat(readmeTable()).containsExactlyElementsOf(code);
    }

    @Test
    void everyRouteAnswersAsTheTableSays() throws Exception {
        List<Line> table = readmeTable();
        Map<String, String> verdicts = new TreeMap<>();
        for (Request r : everyRequest()) {
            Line line = table.stream()
                .filter(l -> l.method().equals(r.method().name()) && new AntPathMatcher().match(l.route(), r.path()))
                .findFirst()
                .orElse(null);
            assertThat(line).as("%s %s is in the README's table", r.method(), r.path()).isNotNull();
            boolean api = r.path().startsWith("/api/");
            for (String as : List.of("anonymous", "VIEWER", "OPERATOR")) {
                MockHttpServletResponse response = perform(r, as);
                int status = response.getStatus();
                boolean signInAsked = api ? status == 401
                        : status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
                boolean allowed = switch (line.who()) {
                    case "anyone" -> true;
                    case "signed in" -> !as.equals("anonymous");
                    default -> as.equals("OPERATOR");
                };
                String what = r.method() + " " + r.path() + " as " + as + " (" + line.who() + "): " + status;
                verdicts.put(r.method() + " " + r.path() + " " + as, String.valueOf(status));
                if (allowed) {
                    assertThat(status).as(what).isNotIn(401, 403);
                    assertThat(signInAsked).as(what).isFalse();
                }
                else if (as.equals("anonymous")) {
                    assertThat(signInAsked).as(what).isTrue();
                }
                else {
                    assertThat(status).as(what).isEqualTo(403);
                }
                assertNotABug(response, what);
            }
        }
        // the walk reached the files that matter
        assertThat(verdicts).containsEntry("GET /rounds/2022/output/rejects.csv VIEWER", "403")
            .containsEntry("GET /rounds/2022/output/committee-report.xlsx VIEWER", "200")
            .containsEntry("GET /rounds/2022/output/rejects.csv OPERATOR", "200")
            .containsEntry("GET /rounds/2022/corrections/BONGIK_수정요청.xlsx VIEWER", "403");
    }

    /**
     * No route answers 5xx, the mark of a bug — but the nightly health, whose 503 tells a
     * probe that a nightly round is late or failed (it is, in this test's database), and
     * then with the status word only.
     */
    private static void assertNotABug(MockHttpServletResponse response, String what) throws Exception {
        if (response.getStatus() == 503 && what.startsWith("GET /api/health/nightly")) {
            assertThat(response.getContentAsString()).as(what).matches("\\{\"status\":\"(LATE|FAILED)\".*");
            return;
        }
        assertThat(response.getStatus()).as(what).isLessThan(500);
    }

    @Test
    void aLinkInTheOutputFolderIsServedToNobody() throws Exception {
        for (String as : List.of("VIEWER", "OPERATOR")) {
            MockHttpServletResponse response = perform(
                    new Request(HttpMethod.GET, "/rounds/" + ROUND + "/output/users.csv"), as);
            assertThat(response.getStatus()).as(as).isIn(403, 404);
            assertThat(response.getContentAsString()).doesNotContain("$2a$");
        }
        String report = perform(new Request(HttpMethod.GET, "/rounds/" + ROUND + "/report"), "OPERATOR")
            .getContentAsString();
        assertThat(report).contains("rejects.csv").doesNotContain("users.csv");
        String forViewer = perform(new Request(HttpMethod.GET, "/rounds/" + ROUND + "/report"), "VIEWER")
            .getContentAsString();
        assertThat(forViewer).contains("committee-report.xlsx")
            .doesNotContain("rejects.csv")
            .doesNotContain("manifest.json");
    }

    /** The destruction ledger, its page and its CSV, for operators. */
    @Test
    void operatorsReadTheDestructionLedger() throws Exception {
        jdbc.update("insert into destruction_ledger (round, destroyed_at, run_by, legal_basis, destroyed, keys_sha256,"
                + " files) values (2016, ?, 'cli:ops', 'outcomes.retention.personal-data=P5Y', 'survey_response 143',"
                + " ?, 'output/2016/rejects.csv')",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2022, 1, 3, 2, 30)), "cd".repeat(32));
        try {
            assertThat(perform(new Request(HttpMethod.GET, "/ledger"), "OPERATOR").getContentAsString())
                .contains("2022-01-03 02:30")
                .contains("cli:ops")
                .contains("survey_response 143");
            assertThat(perform(new Request(HttpMethod.GET, "/ledger.csv"), "OPERATOR").getContentAsString())
                .contains("2016,2022-01-03T02:30,cli:ops,outcomes.retention.personal-data=P5Y,survey_response 143,"
                        + "cd".repeat(32) + ",output/2016/rejects.csv");
        }
        finally {
            jdbc.update("delete from destruction_ledger where round = 2016");
        }
    }

    /** The report page tells operators, and only them, which workbooks went to whom. */
    @Test
    void theReportPageShowsOperatorsWhatWasMailed() throws Exception {
        jdbc.update(
                "insert into mail_log (round, kind, job_execution_id, recipient, address, workbook, workbook_sha256,"
                        + " rows_to_fix, sent_at, message_id) values (?, 'CORRECTIONS', null, 'BONGIK', 'bongik@center.example',"
                        + " 'BONGIK.xlsx', ?, 12, ?, '<m-1@outcomes>')",
                ROUND, "ab".repeat(32), java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2022, 11, 2, 2, 15)));
        try {
            String report = perform(new Request(HttpMethod.GET, "/rounds/" + ROUND + "/report"), "OPERATOR")
                .getContentAsString();
            assertThat(report).contains("2022-11-02 02:15")
                .contains("bongik@center.example")
                .contains("BONGIK.xlsx (abababababab)")
                .contains("&lt;m-1@outcomes&gt;");
            String forViewer = perform(new Request(HttpMethod.GET, "/rounds/" + ROUND + "/report"), "VIEWER")
                .getContentAsString();
            assertThat(forViewer).doesNotContain("bongik@center.example").doesNotContain("id=\"mailed\"");
        }
        finally {
            jdbc.update("delete from mail_log where round = ?", ROUND);
        }
    }

    /**
     * Hostile parameters on every route, signed in or not: never a 5xx, never a stack
     * trace in the answer (a {@code ?lang=<} cost a 500 and 39 KB of stack trace before
     * any sign-in).
     */
    @Test
    void hostileParametersOnEveryRouteAreNeverA5xx() throws Exception {
        List<String> queries = List.of("lang=%3C", "lang=zz_ZZ_%3Cscript%3E", "lang=", "page=-1", "page=abc",
                "page=99999999999999", "rule=%3C", "severity=x", "file=../../console-users", "center=%00",
                "runDate=2022-13-45&lang=en", "runDate=%27%3B--");
        List<String> paths = new ArrayList<>();
        for (Request r : everyRequest()) {
            paths.add(r.method() + " " + r.path());
            paths.add(r.method() + " " + r.path().replace("/2022", "/abcd"));
            paths.add(r.method() + " " + r.path().replace("/2022", "/99999"));
            paths.add(r.method() + " " + r.path().replace("999999", "abc").replace("/2022/", "/2022/"));
        }
        paths.add("GET /rounds/2022/output/..%2Fconsole-users");
        paths.add("GET /rounds/2022/corrections/..%2F..%2Fconsole-users");
        int tried = 0;
        for (String p : paths) {
            HttpMethod method = HttpMethod.valueOf(p.substring(0, p.indexOf(' ')));
            String path = p.substring(p.indexOf(' ') + 1);
            for (String query : queries) {
                if (method == HttpMethod.POST && path.endsWith("/start") && !query.startsWith("runDate")) {
                    // a valid start would start a run: hostile run dates only
                    continue;
                }
                for (String as : List.of("anonymous", "OPERATOR")) {
                    MockHttpServletResponse response = perform(new Request(method, path + "?" + query), as);
                    String what = p + "?" + query + " as " + as;
                    assertNotABug(response, what);
                    String body = response.getContentAsString();
                    assertThat(body).as(what).doesNotContain("\tat ").doesNotContain("Caused by:");
                    if (response.getStatus() >= 400) {
                        assertThat(body).as(what).doesNotContain("Exception");
                    }
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(1000);
    }

    @Autowired
    ConsoleRuns runs;

    @Autowired
    kr.seoul.sogong.outcomes.settings.OutcomesProperties properties;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    kr.seoul.sogong.outcomes.operations.RoundRunner runner;

    @Autowired
    ConsoleQueries queries;

    /**
     * Guards the progress of an ended run that did not complete: one that failed before
     * reading (a broken centers.csv) showed the round's rows stored by an earlier run as
     * "451 of 451 (100%)"; it shows what it read itself.
     */
    @Test
    void aRunThatFailedBeforeReadingShowsNoRowsDone() throws Exception {
        int round = 2033;
        kr.seoul.sogong.outcomes.SampleRounds.copy(Path.of("input", "2022"), properties.roundInput(round));
        java.time.LocalDate night = java.time.LocalDate.of(2033, 11, 1);
        assertThat(runner.run(new kr.seoul.sogong.outcomes.operations.RunRequest(round, night), "test")).isZero();
        assertThat(queries.progress(round)).satisfies(p -> assertThat(p.percent()).isEqualTo(100.0));
        Files.writeString(properties.roundInput(round).resolve("centers.csv"), "not,the,header\n");
        assertThat(runner.run(new kr.seoul.sogong.outcomes.operations.RunRequest(round, night.plusDays(1)), "test"))
            .isEqualTo(1);
        ConsoleQueries.Progress failed = queries.progress(round);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.done()).isZero();
        assertThat(failed.percent()).isZero();
    }

    /**
     * Stop is exact: an execution is stopped only through its own round's URL (a stop
     * sent to 2022 with 2029's execution signalled 2022's process), and a process is
     * signalled only while it is the one that took the round's lock — not a later process
     * that inherited its pid.
     */
    @Test
    void stopAndRestartTakeOnlyTheRoundsOwnExecutionAndSignalOnlyTheLockHolder() throws Exception {
        // a folder without centers.csv: the run fails at once (a round without a folder
        // is
        // refused before it has an execution)
        int round = 2031;
        java.nio.file.Files.createDirectories(properties.roundInput(round));
        assertThat(runs.start(round, java.time.LocalDate.of(2031, 11, 1), "test").done()).isTrue();
        long id = 0;
        for (int i = 0; i < 200 && id == 0; i++) {
            Thread.sleep(50);
            id = jdbc.queryForObject("select coalesce(max(e.job_execution_id), 0) from batch_job_execution e"
                    + " join batch_job_execution_params p on p.job_execution_id = e.job_execution_id"
                    + " where p.parameter_name = 'round' and p.parameter_value = '2031' and e.end_time is not null",
                    Long.class);
        }
        assertThat(id).as("the run of 2031 ended").isPositive();

        assertThat(runs.stop(2029, id, "test").messageKey()).isEqualTo("action.noSuchExecution");
        assertThat(runs.restart(2029, id, "test").messageKey()).isEqualTo("action.noSuchExecution");
        assertThat(runs.stop(round, id, "test").messageKey()).isEqualTo("action.notRunning");
        assertThat(runs.stop(round, 987_654_321L, "test").messageKey()).isEqualTo("action.noSuchExecution");

        ProcessHandle self = ProcessHandle.current();
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        var lockedNow = new kr.seoul.sogong.outcomes.operations.RunLock.Holder("here", self.pid(), now, now);
        var lockedBeforeThisProcess = new kr.seoul.sogong.outcomes.operations.RunLock.Holder("here", self.pid(),
                now.minusDays(3), now);
        assertThat(ConsoleRuns.isTheHolder(self, lockedNow)).isTrue();
        assertThat(ConsoleRuns.isTheHolder(self, lockedBeforeThisProcess)).as("a pid reused since the lock").isFalse();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * A start while another process holds the round's lock row in an open transaction was
     * a bare 500 after seconds: now 503, Retry-After, and a sentence.
     */
    @Test
    void aStartWhileTheDatabaseRowIsLockedIsABusyAnswer() throws Exception {
        try (java.sql.Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var insert = holder.prepareStatement("insert into run_lock (round, host, pid, acquired_at,"
                    + " heartbeat_at) values (2041, 'elsewhere', 1, current_timestamp, current_timestamp)")) {
                insert.executeUpdate();
            }
            MockHttpServletResponse response = perform(new Request(HttpMethod.POST, "/rounds/2041/start"), "OPERATOR");
            holder.rollback();

            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            assertThat(response.getContentAsString()).contains("다시 시도하세요").doesNotContain("Exception");
        }
    }

    record Request(HttpMethod method, String path) {
    }

    /**
     * Every mapped route with its variables filled: each output and correction by name.
     */
    private List<Request> everyRequest() throws IOException {
        List<Request> requests = new ArrayList<>();
        Path out = WORK.resolve("output").resolve(String.valueOf(ROUND));
        List<String> outputs;
        try (var files = Files.list(out)) {
            outputs = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                .getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/rounds") && !pattern.startsWith("/api") && !pattern.equals("/")
                        && !pattern.equals("/login")) {
                    // Spring Boot's own error endpoint
                    continue;
                }
                for (var m : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : methods) {
                    List<String> paths = new ArrayList<>();
                    String base = pattern.replace("{round}", String.valueOf(ROUND)).replace("{id}", "999999");
                    if (base.contains("/output/{name}")) {
                        outputs.forEach(n -> paths.add(base.replace("{name}", n)));
                    }
                    else if (base.contains("/corrections/{name}")) {
                        paths.add(base.replace("{name}", "BONGIK_수정요청.xlsx"));
                    }
                    else {
                        paths.add(base);
                    }
                    paths.forEach(p -> requests.add(new Request(HttpMethod.valueOf(m.name()), p)));
                }
            }
        }
        assertThat(requests).as("the walk covers pages, API and files").hasSizeGreaterThan(25);
        return requests;
    }

    private MockHttpServletResponse perform(Request r, String as) throws Exception {
        int q = r.path().indexOf('?');
        // the path as a browser sends it: Korean names percent-encoded, the query as
        // given
        String path = org.springframework.web.util.UriUtils.encodePath(q < 0 ? r.path() : r.path().substring(0, q),
                StandardCharsets.UTF_8);
        MockHttpServletRequestBuilder request = request(r.method(),
                java.net.URI.create(q < 0 ? path : path + r.path().substring(q)));
        if (r.method() == HttpMethod.POST) {
            request.with(csrf());
        }
        if (!as.equals("anonymous")) {
            request.with(user(as.toLowerCase()).roles(as));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
