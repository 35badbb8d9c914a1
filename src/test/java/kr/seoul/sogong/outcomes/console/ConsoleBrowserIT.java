package kr.seoul.sogong.outcomes.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import kr.seoul.sogong.outcomes.SampleRounds;
import kr.seoul.sogong.outcomes.generator.RoundGenerator;
import kr.seoul.sogong.outcomes.operations.RoundRunner;
import kr.seoul.sogong.outcomes.operations.RunRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser (Playwright driving Chromium: the system's, from
 * {@code -Dplaywright.chromium} or /usr/bin/chromium, else Playwright's own download), as
 * an operator and a committee member use it: sign in, read last night's run, start a
 * round and watch it reach 100% without reloading, filter findings and download exactly
 * those rows, restart a run the quality gate stopped once the file is fixed, stop a
 * running job and resume it; and as a viewer, find the findings and the actions closed.
 * Each page is photographed into docs/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "outcomes.launcher.enabled=false",
                "outcomes.chunk-size=100", "server.address=127.0.0.1",
                "spring.datasource.url=jdbc:h2:mem:console-browser;DB_CLOSE_DELAY=-1",
                "logging.file.name=target/test-logs/console-browser.log" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    static final Path WORK;

    static final Path USERS;

    static {
        try {
            WORK = Files.createTempDirectory("console-browser");
            USERS = WORK.resolve("config/console-users");
            ConsoleUsers users = new ConsoleUsers(USERS);
            users.add("op", ConsoleUsers.Role.OPERATOR, "Seoul-jewel-7-lathe");
            users.add("board", ConsoleUsers.Role.VIEWER, "Mullae-steel-9-press");
            for (int round : List.of(2021, 2022)) {
                SampleRounds.copy(Path.of("input", String.valueOf(round)), WORK.resolve("input/" + round));
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("outcomes.console.users-file", USERS::toString);
        registry.add("outcomes.input-dir", () -> WORK.resolve("input").toString());
        registry.add("outcomes.output-dir", () -> WORK.resolve("output").toString());
    }

    private static final Path SHOTS = Path.of("docs", "console");

    @LocalServerPort
    int port;

    @Autowired
    RoundRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    Playwright playwright;

    Browser browser;

    BrowserContext context;

    Page page;

    @BeforeAll
    void browser() throws Exception {
        Map<String, String> env = new HashMap<>();
        String chromium = System.getProperty("playwright.chromium", "/usr/bin/chromium");
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        boolean systemBrowser = Files.isExecutable(Path.of(chromium));
        if (systemBrowser) {
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            options.setExecutablePath(Path.of(chromium));
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            browser = playwright.chromium().launch(options);
        }
        else {
            // no system browser: Playwright fetches its own where the network allows;
            // where
            // it cannot, these tests are skipped with one loud line, not failed (a fresh
            // machine running the README's test command); CI installs Debian's chromium
            try {
                playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
                browser = playwright.chromium().launch(options);
            }
            catch (RuntimeException noBrowser) {
                String line = "SKIPPED the console's browser tests: no Chromium at " + chromium
                        + " and Playwright could not fetch one ("
                        + noBrowser.getMessage().lines().findFirst().orElse("")
                        + "). Install Debian's: sudo apt-get install chromium fonts-noto-cjk"
                        + " (or give -Dplaywright.chromium=/path/to/chromium)";
                System.err.println(line);
                org.junit.jupiter.api.Assumptions.abort(line);
            }
        }
        Files.createDirectories(SHOTS);
        // last night's runs, as cron made them
        runner.run(new RunRequest(2021, LocalDate.of(2022, 11, 1)), "cli:cron");
        runner.run(new RunRequest(2022, LocalDate.of(2022, 11, 1)), "cli:cron");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("ko-KR").setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn(String user, String password) {
        page.navigate(url("/"));
        assertThat(page.url()).endsWith("/login");
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#sign-in");
        page.locator("header .who").waitFor();
        assertThat(page.locator("header .who").textContent()).startsWith(user);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Reloads the page until the condition holds (for what the page shows only when
     * loaded).
     */
    private void reloadUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited two minutes").isLessThan(deadline);
            Thread.sleep(500);
            page.reload();
        }
    }

    private List<String> downloadRecords(String target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<String> records = List.of();
        while (records.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            records = jdbc.queryForList(
                    "select user_name || ' ' || reason from access_record" + " where kind = 'DOWNLOAD' and target = ?",
                    String.class, target);
        }
        return records;
    }

    /**
     * The newest execution's status code (the page says it in Korean, its class keeps the
     * code).
     */
    private String newestExecutionStatus() {
        String classes = page.locator("section.execution .status").first().getAttribute("class");
        return classes.replace("status", "").strip();
    }

    /**
     * Words a Korean reader may meet in English on the round, rounds and findings pages:
     * codes (rules, severities, steps, statuses' classes), file names, command arguments.
     */
    private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile(
            "REJECT|WARN|DUPLICATE|NOT_PARTICIPANT|OVER_CAP|TWO_SOURCES|UNREADABLE|REQUIRED|FORMAT|RANGE|BRN_CHECKSUM"
                    + "|UNKNOWN_CENTER|NOT_SOGONG|OUT_OF_ROUND|UNKNOWN_NEED|HIDDEN_SHEET|admitRound|ingestRows"
                    + "|ingestPartition|partition\\d+|crossRowRules|findingsReport|qualityGate|outcomeTables"
                    + "|committeeReports|round|runDate|rerun|output|rejects|csv|xlsx|survey|results|centers"
                    // who started a run (user names), and the units of a duration
                    + "|cli|op|cron|test|h|m|s|ms" + "|brn|English|sogong|outcomes|CSV|JSON|API|pid"
                    // this test's file (broken.xlsx), the rules' and centers' codes, file
                    // names
                    // (BONGIK_2022_결과.xlsx), columns (start_date)
                    + "|broken|[A-Z]{2,}(?:_[A-Z]+)*|[A-Za-z]+_\\d+_?|[a-z]+(?:_[a-z]+)+|[a-zA-Z]*\\d[a-zA-Z\\d]*");

    /**
     * The page a Korean reader sees: no Java class name, no English advice or status,
     * only the codes and names of {@link #ALLOWED}.
     */
    private void assertKoreanOnly(String what) {
        for (String path : List.of("/", "/rounds/2023", "/rounds/2023/findings")) {
            page.navigate(url(path));
            String text = page.locator("main").innerText();
            assertThat(text).as(what + " " + path)
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]")
                .doesNotContain("Exception", "run again", "see the log", "COMPLETED", "FAILED");
            List<String> english = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z_\\d]*")
                .matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .filter(w -> !ALLOWED.matcher(w).matches())
                .distinct()
                .toList();
            assertThat(english).as(what + " " + path + ": English words").isEmpty();
        }
        page.navigate(url("/rounds/2023"));
    }

    @Test
    void theOperatorSeesLastNightsRunCompletedWithItsCounts() throws InterruptedException {
        signIn("op", "Seoul-jewel-7-lathe");
        Map<String, Object> facts = jdbc.queryForMap("select f.reject_count, f.warn_count, (select sum(read_count)"
                + " from batch_step_execution s where s.job_execution_id = f.job_execution_id and s.step_name ="
                + " 'ingestRows') as rows_read from run_facts f where round = 2022 order by job_execution_id desc"
                + " limit 1");
        var row = page.locator("tr[data-round='2022']");
        assertThat(row.locator(".status").textContent()).isEqualTo("완료");
        assertThat(row.locator(".rows-read").textContent().replace(",", ""))
            .isEqualTo(String.valueOf(facts.get("ROWS_READ")));
        assertThat(row.locator(".rejects").textContent()).isEqualTo(String.valueOf(facts.get("REJECT_COUNT")));
        assertThat(row.locator(".warnings").textContent()).isEqualTo(String.valueOf(facts.get("WARN_COUNT")));
        assertThat(row.locator(".gate").textContent()).isEqualTo("통과");
        shot("rounds");
        page.click("a[href='/rounds/2022']");
        shot("round");
        page.click("a[href='/rounds/2022/files']");
        assertThat(page.locator("#files tbody tr").count()).isEqualTo(7);
        shot("files");
        page.navigate(url("/rounds/2022/report"));
        assertThat(page.locator("#outputs li").allTextContents()).contains("rejects.csv", "committee-report.xlsx",
                "committee-report.html");
        assertThat(page.locator("#corrections li").allTextContents()).contains("JANGWI.xlsx", "_unassigned.xlsx");
        // the reason typed beside the downloads goes with the download into the access
        // record
        page.fill("#download-reason", "센터에 전달");
        Download correction = page.waitForDownload(() -> page.click("#corrections a[href$='JANGWI.xlsx']"));
        assertThat(correction.suggestedFilename()).isEqualTo("JANGWI.xlsx");
        // the record is written once the answer is complete (its status is part of it):
        // the browser may hold the file a moment before
        assertThat(downloadRecords("/rounds/2022/corrections/JANGWI.xlsx")).contains("op 센터에 전달");
        shot("report");
        page.navigate(url("/?lang=en"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Rounds and their last run");
    }

    @Test
    void aRoundStartedFromTheConsoleShowsItsProgressReaching100PercentWithoutReloading() throws Exception {
        RoundGenerator.synthetic(WORK.resolve("input"), 2031, 5, 800, 97, 3);
        signIn("op", "Seoul-jewel-7-lathe");
        page.navigate(url("/rounds/2031"));
        page.click("#start");
        assertThat(page.locator("#notice").textContent()).contains("2031");
        page.evaluate("window.__samePage = 'yes'");
        page.waitForFunction("() => document.getElementById('progress-bar') !== null"
                + " && document.getElementById('progress-bar').value === 100"
                + " && document.getElementById('progress-status').getAttribute('data-status') === 'COMPLETED'"
                + " && document.getElementById('progress-status').textContent.startsWith('완료')");
        assertThat(page.evaluate("window.__samePage")).as("the page was not reloaded").isEqualTo("yes");
        assertThat(page.locator("#progress-text").textContent()).contains("100");
        page.locator("#progress-ended").waitFor();
        shot("progress");
        page.click("#progress-ended");
        assertThat(newestExecutionStatus()).isEqualTo("COMPLETED");
        assertThat(page.locator("section.execution small").first().textContent()).contains("op");
    }

    @Test
    void findingsFilteredByRuleMatchRejectsCsvAndDownloadExactlyThoseRows() throws Exception {
        signIn("op", "Seoul-jewel-7-lathe");
        page.navigate(url("/rounds/2022/findings"));
        page.selectOption("#filter-rule", "DUPLICATE");
        page.click("#apply");
        List<String> rejects = Files.readAllLines(WORK.resolve("output/2022/rejects.csv"), StandardCharsets.UTF_8);
        List<String> duplicates = rejects.stream().filter(l -> l.contains(",DUPLICATE,")).toList();
        assertThat(duplicates).isNotEmpty();
        assertThat(page.locator("#total").getAttribute("data-total")).isEqualTo(String.valueOf(duplicates.size()));
        assertThat(page.locator("#findings tbody tr").count()).isEqualTo(duplicates.size());
        shot("findings");
        Download download = page.waitForDownload(() -> page.click("#download"));
        List<String> downloaded = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(downloaded.get(0)).isEqualTo(rejects.get(0));
        assertThat(downloaded.subList(1, downloaded.size())).containsExactlyElementsOf(duplicates);
    }

    @Test
    void aRunStoppedByTheQualityGateIsRestartedFromTheConsoleOnceTheFileIsFixed() throws Exception {
        SampleRounds.copy(Path.of("input", "2022"), WORK.resolve("input/2023"));
        Path broken = WORK.resolve("input/2023/survey/broken.xlsx");
        Files.writeString(broken, "not a workbook");
        signIn("op", "Seoul-jewel-7-lathe");
        page.navigate(url("/rounds/2023"));
        page.click("#start");
        reloadUntil(() -> page.locator("section.execution").count() > 0 && newestExecutionStatus().equals("FAILED"));
        assertThat(page.locator("section.execution .next").first().textContent())
            .startsWith("품질 기준에 걸렸습니다: rejects.csv를 보고");
        assertKoreanOnly("failed");
        Files.delete(broken);
        page.click("section.execution button.restart");
        reloadUntil(() -> newestExecutionStatus().equals("COMPLETED"));
        // the failed execution, superseded, no longer advises running it again
        long resumedBy = Long.parseLong(page.locator("section.execution").first().getAttribute("data-execution"));
        assertThat(page.locator("section.execution .next").nth(1).textContent())
            .isEqualTo("실행 " + resumedBy + "에서 이어서 실행되었습니다");
        assertKoreanOnly("superseded");
        List<Long> instances = jdbc.queryForList("select e.job_instance_id from batch_job_execution e join"
                + " batch_job_execution_params p on p.job_execution_id = e.job_execution_id and p.parameter_name ="
                + " 'round' and p.parameter_value = '2023' order by e.job_execution_id", Long.class);
        assertThat(instances).hasSize(2).as("the same instance, restarted").containsOnly(instances.get(0));
    }

    @Test
    void aRunningJobIsStoppedFromTheConsoleAndResumed() throws Exception {
        RoundGenerator.synthetic(WORK.resolve("input"), 2032, 10, 12_000, 0, 5);
        signIn("op", "Seoul-jewel-7-lathe");
        page.navigate(url("/rounds/2032"));
        page.click("#start");
        reloadUntil(() -> page.locator("section.execution button.stop").count() > 0);
        page.click("section.execution button.stop");
        assertThat(page.locator("#notice").textContent()).contains("중지를 요청했습니다");
        reloadUntil(() -> newestExecutionStatus().equals("STOPPED"));
        shot("stopped");
        page.click("section.execution button.restart");
        reloadUntil(() -> newestExecutionStatus().equals("COMPLETED"));
        assertThat(page.locator("section.execution").count()).isEqualTo(2);
    }

    @Test
    void aViewerReadsRoundsAndTheReportButFindingsAndActionsAreClosed() {
        signIn("board", "Mullae-steel-9-press");
        assertThat(page.locator("tr[data-round='2022'] .status").textContent()).isEqualTo("완료");
        page.navigate(url("/rounds/2022"));
        assertThat(page.locator("#start").count()).isZero();
        assertThat(page.locator("button.restart, button.stop").count()).isZero();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("검증 결과")).count()).isZero();
        assertThat(page.navigate(url("/rounds/2022/findings")).status()).isEqualTo(403);
        assertThat(page.navigate(url("/rounds/2022/report")).status()).isEqualTo(200);
        assertThat(page.locator("#corrections").count()).as("the corrections are rows of firms").isZero();
        assertThat(page.navigate(url("/rounds/2022/output/committee-report.html")).status()).isEqualTo(200);
        assertThat(page.locator("h1").textContent()).contains("2022");
        page.navigate(url("/login?logout"));
        shot("login");
    }

}
