package kr.seoul.sogong.outcomes.console;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.store.FindingFilter;
import kr.seoul.sogong.outcomes.operations.NightlyCheck;
import kr.seoul.sogong.outcomes.store.FindingStore;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same facts as the pages, as JSON, for the agency's other tools and scripts (HTTP
 * basic over the console's users; reads only).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleApi {

    public record FindingsPage(int round, long total, int page, int pageSize, List<Finding> findings) {
    }

    private final ConsoleQueries queries;

    private final FindingStore findings;

    private final ConsoleSettings settings;

    private final NightlyCheck nightly;

    public ConsoleApi(ConsoleQueries queries, FindingStore findings, ConsoleSettings settings, NightlyCheck nightly) {
        this.queries = queries;
        this.findings = findings;
        this.settings = settings;
        this.nightly = nightly;
    }

    /**
     * "Did it run?" as {@code status --check} says it: UP (200) when every nightly round
     * completed within 26 hours and failed no run since, else LATE or FAILED (503); the
     * rounds' lines for an operator only.
     */
    @GetMapping("/api/health/nightly")
    ResponseEntity<Map<String, Object>> nightly(@Nullable Authentication user) {
        List<NightlyCheck.RoundCheck> checks = nightly.check(NightlyCheck.DEFAULT_MAX_AGE, LocalDateTime.now());
        String status = NightlyCheck.allOk(checks) ? "UP"
                : checks.stream().anyMatch(c -> c.state() == NightlyCheck.State.FAILED) ? "FAILED" : "LATE";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (ConsoleModel.isOperator(user)) {
            body.put("rounds", checks);
        }
        return ResponseEntity.status(status.equals("UP") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @GetMapping("/api/rounds")
    List<ConsoleQueries.RoundOverview> rounds() {
        return queries.rounds();
    }

    @GetMapping("/api/rounds/{round}/executions")
    List<ConsoleQueries.ExecutionView> executions(@PathVariable String round) {
        return queries.executions(Rounds.parse(round));
    }

    @GetMapping("/api/rounds/{round}/findings")
    FindingsPage findings(@PathVariable String round, @RequestParam(required = false) String file,
            @RequestParam(required = false) String center, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String severity, @RequestParam(defaultValue = "1") int page) {
        int r = Rounds.parse(round);
        FindingFilter filter = ConsolePages.filter(file, center, rule, severity);
        int size = settings.pageSize();
        int current = Math.max(1, page);
        return new FindingsPage(r, findings.count(r, filter), current, size,
                findings.page(r, filter, (long) (current - 1) * size, size));
    }

}
