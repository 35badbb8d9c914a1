package kr.seoul.sogong.outcomes.console;

import java.util.List;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.store.FindingFilter;
import kr.seoul.sogong.outcomes.store.FindingStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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

    public ConsoleApi(ConsoleQueries queries, FindingStore findings, ConsoleSettings settings) {
        this.queries = queries;
        this.findings = findings;
        this.settings = settings;
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
