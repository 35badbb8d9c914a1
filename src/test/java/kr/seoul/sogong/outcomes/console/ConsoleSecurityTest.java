package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import kr.seoul.sogong.outcomes.access.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may do what in the console, request by request: every page behind a sign-in, the
 * committee's VIEWER kept from the findings and from every action, no POST without its
 * CSRF token, the API on HTTP basic, and a round in a path that is not a year refused.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=servlet", "outcomes.launcher.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:console-security;DB_CLOSE_DELAY=-1",
        "logging.file.name=target/test-logs/console.log" })
@AutoConfigureMockMvc
class ConsoleSecurityTest {

    static final Path USERS;

    static {
        try {
            USERS = Files.createTempDirectory("console-users").resolve("console-users");
            ConsoleUsers users = new ConsoleUsers(USERS);
            users.add("op", ConsoleUsers.Role.OPERATOR, "Seoul-jewel-7-lathe");
            users.add("board", ConsoleUsers.Role.VIEWER, "Mullae-steel-9-press");
            // a line an editor broke: skipped with a WARN, and everyone else still signs
            // in
            Files.writeString(USERS, "park:ADMIN:" + users.find("op").orElseThrow().passwordHash() + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void files(DynamicPropertyRegistry registry) {
        registry.add("outcomes.console.users-file", USERS::toString);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theUsersFileIsTheOwnersAloneAndHoldsNoPassword() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(USERS))).isEqualTo("rw-------");
        assertThat(Files.readString(USERS)).doesNotContain("Seoul-jewel-7-lathe").contains("op:OPERATOR:$2a$");
    }

    @Test
    void anonymousPagesGoToTheSignInAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/rounds/2022/findings")).andExpect(status().isFound());
        mvc.perform(get("/api/rounds"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists("WWW-Authenticate"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordGivesNoSessionAndTheRightOneDoes() throws Exception {
        mvc.perform(formLogin("/login").user("op").password("wrong"))
            .andExpect(redirectedUrl("/login?error"))
            .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("op").password("Seoul-jewel-7-lathe")).andExpect(authenticated());
        mvc.perform(get("/api/rounds").with(httpBasic("op", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/rounds").with(httpBasic("board", "Mullae-steel-9-press"))).andExpect(status().isOk());
    }

    @Test
    void aViewerSeesRoundsAndReportsButNoFindingsAndNoActions() throws Exception {
        var viewer = user("board").roles("VIEWER");
        mvc.perform(get("/").with(viewer)).andExpect(status().isOk());
        mvc.perform(get("/rounds/2022").with(viewer)).andExpect(status().isOk());
        mvc.perform(get("/rounds/2022/report").with(viewer)).andExpect(status().isOk());
        mvc.perform(get("/rounds/2022/findings").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/rounds/2022/findings.csv").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/rounds/2022/files").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(get("/rounds/2022/corrections/BONGIK.xlsx").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/rounds/2022/start").with(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/rounds/2022/executions/1/stop").with(viewer).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/api/rounds/2022/findings").with(httpBasic("board", "Mullae-steel-9-press")))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/rounds/2022/findings").with(httpBasic("op", "Seoul-jewel-7-lathe")))
            .andExpect(status().isOk());
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefusedAndTheApiTakesNoActions() throws Exception {
        var operator = user("op").roles("OPERATOR");
        mvc.perform(post("/rounds/2022/start").with(operator)).andExpect(status().isForbidden());
        mvc.perform(post("/api/rounds/2022/start").with(httpBasic("op", "Seoul-jewel-7-lathe")))
            .andExpect(status().isForbidden());
    }

    @Test
    void aRoundThatIsNotAYearIsABadRequest() throws Exception {
        var operator = user("op").roles("OPERATOR");
        mvc.perform(get("/rounds/20x2").with(operator)).andExpect(status().isBadRequest());
        mvc.perform(get("/rounds/..%2Fx").with(operator)).andExpect(status().isBadRequest());
        mvc.perform(get("/rounds/2022/output/..%2F..%2Fconfig").with(operator)).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/rounds/20x2/executions").with(httpBasic("op", "Seoul-jewel-7-lathe")))
            .andExpect(status().isBadRequest());
    }

    @Test
    void everyPageForbidsFramingAndInlineScript() throws Exception {
        mvc.perform(get("/login"))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andExpect(header().string("Content-Security-Policy", ConsoleSecurity.CONTENT_SECURITY_POLICY));
        assertThat(ConsoleSecurity.CONTENT_SECURITY_POLICY).contains("script-src 'self'")
            .doesNotContain("unsafe-inline")
            .contains("frame-ancestors 'none'");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    AccessLog accessLog;

    /** The access record after record {@code id}: user, kind, target, reason, status. */
    private java.util.List<String> recordsAfter(long id) {
        return jdbc.query("select user_name, kind, target, reason, status from access_record where id > ? order by id",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getInt(5),
                id);
    }

    /**
     * Every sign-in, every view or download of row-level data and every action is in the
     * access record, with who, what, why and the answer; the committee's files are not.
     */
    @Test
    void signInsViewsDownloadsAndActionsAreRecorded() throws Exception {
        long start = jdbc.queryForObject("select coalesce(max(id), 0) from access_record", Long.class);
        mvc.perform(formLogin("/login").user("board").password("not-it")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("board").password("Mullae-steel-9-press")).andExpect(authenticated());
        var op = user("op").roles("OPERATOR");
        mvc.perform(get("/rounds/2022/findings").with(op));
        mvc.perform(get("/rounds/2022/findings.csv").queryParam("rule", "DUPLICATE")
            .queryParam("reason", "월간 점검")
            .with(op));
        mvc.perform(get("/rounds/2022/output/committee-report.xlsx").with(op));
        mvc.perform(get("/rounds/2022/findings").with(user("board").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/rounds/2022/executions/999/stop").with(op).with(csrf()));

        assertThat(recordsAfter(start)).containsExactly("board SIGN_IN_FAILED sign-in null 401",
                "board SIGN_IN sign-in null 200", "op VIEW /rounds/2022/findings null 200",
                "op DOWNLOAD /rounds/2022/findings.csv?rule=DUPLICATE 월간 점검 200",
                "board VIEW /rounds/2022/findings null 403", "op ACTION /rounds/2022/executions/999/stop null 404");
    }

    @Test
    void onlyOperatorsReadTheAccessRecord() throws Exception {
        accessLog.record(kr.seoul.sogong.outcomes.access.AccessKind.DOWNLOAD, "op", "10.0.0.7",
                "/rounds/2021/corrections/BONGIK.xlsx", "센터 요청", 200);
        mvc.perform(get("/access").with(user("board").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/access.csv").with(user("board").roles("VIEWER"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/access").param("user", "op").with(user("op").roles("OPERATOR")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("10.0.0.7").contains("/rounds/2021/corrections/BONGIK.xlsx").contains("센터 요청");
        assertThat(mvc.perform(get("/access.csv").with(user("op").roles("OPERATOR")))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains(",op,10.0.0.7,DOWNLOAD,/rounds/2021/corrections/BONGIK.xlsx,센터 요청,200");
    }

    /**
     * Guards against a review that silently misses records: the page shows the newest
     * thousand and says so, the CSV holds every one of the period.
     */
    @Test
    void theCsvHoldsEveryRecordThePageCannotShow() throws Exception {
        java.time.LocalDateTime noon = java.time.LocalDate.of(2021, 3, 2).atTime(12, 0);
        jdbc.batchUpdate(
                "insert into access_record (at, user_name, address, kind, target, reason, status)"
                        + " values (?, 'busy', '-', 'VIEW', ?, null, 200)",
                java.util.stream.IntStream.range(0, 1005)
                    .mapToObj(n -> new Object[] { java.sql.Timestamp.valueOf(noon.plusSeconds(n)),
                            "/rounds/2021/findings?n=" + n })
                    .toList());
        var op = user("op").roles("OPERATOR");
        String page = mvc
            .perform(
                    get("/access").param("from", "2021-03-02").param("to", "2021-03-02").param("user", "busy").with(op))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("id=\"access-more\"").contains("n=1004").doesNotContain("n=4<");
        assertThat(page.split("<tr>").length - 2).isEqualTo(1000);
        String csv = mvc.perform(
                get("/access.csv").param("from", "2021-03-02").param("to", "2021-03-02").param("user", "busy").with(op))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(csv.lines().filter(l -> l.contains(",busy,"))).hasSize(1005);
    }

    /** Guards the retention: a record older than two years goes, a younger one stays. */
    @Test
    void recordsPastTheirRetentionArePurged() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        jdbc.update("insert into access_record (at, user_name, address, kind, target, reason, status)"
                + " values (?, 'old', '-', 'VIEW', '/purge-test', null, 200), (?, 'young', '-', 'VIEW', '/purge-test',"
                + " null, 200)", java.sql.Timestamp.valueOf(now.minusYears(2).minusDays(1)),
                java.sql.Timestamp.valueOf(now.minusYears(2).plusDays(1)));
        assertThat(accessLog.purge(now)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select user_name from access_record where target = '/purge-test'", String.class))
            .containsExactly("young");
    }

}
