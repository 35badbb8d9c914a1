package kr.seoul.sogong.outcomes.console;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import kr.seoul.sogong.outcomes.access.AccessLog;
import kr.seoul.sogong.outcomes.access.AccessRecord;
import kr.seoul.sogong.outcomes.corrections.MailLog;
import kr.seoul.sogong.outcomes.reports.CsvOutput;
import kr.seoul.sogong.outcomes.retention.DestructionLedger;
import kr.seoul.sogong.outcomes.findings.Finding;
import kr.seoul.sogong.outcomes.findings.Rule;
import kr.seoul.sogong.outcomes.findings.Severity;
import kr.seoul.sogong.outcomes.store.FindingFilter;
import kr.seoul.sogong.outcomes.store.FindingStore;
import kr.seoul.sogong.outcomes.reports.RejectsCsv;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's pages (server-rendered, Thymeleaf) and its actions. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsolePages {

    private final ConsoleQueries queries;

    private final ConsoleRuns runs;

    private final FindingStore findings;

    private final ConsoleSettings settings;

    private final OutcomesProperties properties;

    private final MessageSource messages;

    private final MailLog mailLog;

    private final DestructionLedger ledger;

    private final AccessLog accessLog;

    public ConsolePages(ConsoleQueries queries, ConsoleRuns runs, FindingStore findings, ConsoleSettings settings,
            OutcomesProperties properties, MessageSource messages, MailLog mailLog, DestructionLedger ledger,
            AccessLog accessLog) {
        this.queries = queries;
        this.runs = runs;
        this.findings = findings;
        this.settings = settings;
        this.properties = properties;
        this.messages = messages;
        this.mailLog = mailLog;
        this.ledger = ledger;
        this.accessLog = accessLog;
    }

    /** The access records past their retention go when the console starts. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void purgeAccessRecords() {
        accessLog.purge(java.time.LocalDateTime.now());
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, Model model) {
        // the minutes a locked sign-in waits, as the guard put them in the address
        model.addAttribute("lockedMinutes",
                locked != null && locked.matches("\\d{1,4}") ? Integer.valueOf(locked) : null);
        return "console/login";
    }

    @GetMapping("/")
    String rounds(Model model) {
        model.addAttribute("rounds", queries.rounds());
        model.addAttribute("today", LocalDate.now());
        return "console/rounds";
    }

    /** The newest records a page shows; the CSV has every one. */
    private static final int ACCESS_PAGE = 1000;

    /**
     * The access record (접속기록), for operators: a period (the last 31 days by default) and
     * a user, newest first; its CSV for the monthly review.
     */
    @GetMapping("/access")
    String access(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "") String user,
            Model model) {
        LocalDate[] period = period(from, to);
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        model.addAttribute("user", user);
        List<AccessRecord> records = accessLog.newest(period[0], period[1].plusDays(1), user, ACCESS_PAGE + 1);
        model.addAttribute("more", records.size() > ACCESS_PAGE);
        model.addAttribute("records", records.subList(0, Math.min(ACCESS_PAGE, records.size())));
        return "console/access";
    }

    @GetMapping("/access.csv")
    void accessCsv(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "") String user,
            HttpServletResponse response) throws IOException {
        LocalDate[] period = period(from, to);
        // every record of the period: the review reads them all
        sendCsv("access-record.csv", List.of("at", "user", "address", "kind", "target", "reason", "status"),
                out -> accessLog.each(period[0], period[1].plusDays(1), user,
                        r -> out.add(List.of(r.at().withNano(0).toString(), r.userName(), r.address(), r.kind().name(),
                                r.target(), r.reason() == null ? "" : r.reason(), String.valueOf(r.status())))),
                response);
    }

    /** From and to (inclusive) as given, else the last 31 days. */
    private static LocalDate[] period(@Nullable String from, @Nullable String to) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now() : parseDate(to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(30) : parseDate(from);
        return new LocalDate[] { start, end };
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a date is yyyy-MM-dd");
        }
    }

    /** What a CSV download holds, row by row. */
    private interface CsvRows {

        void writeTo(CsvOutput.Rows rows) throws IOException;

    }

    /**
     * A CSV download written as rejects.csv is (BOM, quoting, formula escaping), row by
     * row into a temporary file, then sent.
     */
    private static void sendCsv(String name, List<String> header, CsvRows rows, HttpServletResponse response)
            throws IOException {
        Path temp = Files.createTempFile("console-", ".csv");
        try {
            try (CsvOutput.Rows out = CsvOutput.open(temp, header)) {
                rows.writeTo(out);
            }
            send(temp, name, "text/csv; charset=UTF-8", response);
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The destruction ledger (파기 관리대장), for operators. */
    @GetMapping("/ledger")
    String ledger(Model model) {
        model.addAttribute("lines", ledger.all());
        return "console/ledger";
    }

    @GetMapping("/ledger.csv")
    void ledgerCsv(HttpServletResponse response) throws IOException {
        sendCsv("destruction-ledger.csv", DestructionLedger.HEADER,
                out -> ledger.all().forEach(l -> out.add(DestructionLedger.cells(l))), response);
    }

    @GetMapping("/rounds/{round}")
    String round(@PathVariable String round, Model model) {
        int r = Rounds.parse(round);
        model.addAttribute("round", r);
        model.addAttribute("executions", queries.executions(r));
        model.addAttribute("progress", queries.progress(r));
        model.addAttribute("today", LocalDate.now());
        return "console/round";
    }

    @GetMapping("/rounds/{round}/progress.json")
    @ResponseBody
    ResponseEntity<ConsoleQueries.Progress> progress(@PathVariable String round) {
        ConsoleQueries.Progress progress = queries.progress(Rounds.parse(round));
        return progress == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(progress);
    }

    @GetMapping("/rounds/{round}/findings")
    String findings(@PathVariable String round, @RequestParam(required = false) String file,
            @RequestParam(required = false) String center, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String severity, @RequestParam(defaultValue = "1") int page, Model model) {
        int r = Rounds.parse(round);
        FindingFilter filter = filter(file, center, rule, severity);
        long total = findings.count(r, filter);
        int size = settings.pageSize();
        long pages = Math.max(1, (total + size - 1) / size);
        int current = (int) Math.min(Math.max(1, page), pages);
        model.addAttribute("round", r);
        model.addAttribute("filter", filter);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("findings", findings.page(r, filter, (long) (current - 1) * size, size));
        model.addAttribute("files", queries.files(r).stream().map(ConsoleQueries.FileView::sourceFile).toList());
        model.addAttribute("rules", Rule.values());
        model.addAttribute("severities", Severity.values());
        return "console/findings";
    }

    /**
     * Exactly the filtered rows, as rejects.csv has them (same columns, order and
     * masking).
     */
    @GetMapping("/rounds/{round}/findings.csv")
    void findingsCsv(@PathVariable String round, @RequestParam(required = false) String file,
            @RequestParam(required = false) String center, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String severity, HttpServletResponse response) throws IOException {
        int r = Rounds.parse(round);
        FindingFilter filter = filter(file, center, rule, severity);
        sendCsv("findings-" + r + ".csv", RejectsCsv.HEADER,
                out -> findings.each(r, filter, (Finding f) -> out.add(RejectsCsv.row(r, f, properties.locale()))),
                response);
    }

    @GetMapping("/rounds/{round}/files")
    String files(@PathVariable String round, Model model) {
        int r = Rounds.parse(round);
        model.addAttribute("round", r);
        model.addAttribute("files", queries.files(r));
        return "console/files";
    }

    @GetMapping("/rounds/{round}/report")
    String report(@PathVariable String round, Model model, jakarta.servlet.http.HttpServletRequest request) {
        int r = Rounds.parse(round);
        model.addAttribute("round", r);
        boolean operator = request.isUserInRole(ConsoleUsers.Role.OPERATOR.name());
        // a viewer is offered the committee's files only: the others are not theirs
        model.addAttribute("outputs",
                queries.outputFiles(r).stream().filter(n -> operator || ConsoleAccess.forViewers(n)).toList());
        model.addAttribute("corrections", queries.correctionFiles(r));
        model.addAttribute("mailed", operator ? mailLog.ofRound(r) : java.util.List.of());
        return "console/report";
    }

    /**
     * A file of the round's outputs, by a name the listing has (nothing else is served).
     */
    @GetMapping("/rounds/{round}/output/{name}")
    void output(@PathVariable String round, @PathVariable String name, HttpServletResponse response)
            throws IOException {
        int r = Rounds.parse(round);
        if (!queries.outputFiles(r).contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Path file = properties.roundOutput(r).resolve(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html")) {
            // the committee page as printed: its own inline style, still no script and no
            // framing
            response.setHeader("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
            send(file, null, "text/html; charset=UTF-8", response);
        }
        else {
            send(file, name, lower.endsWith(".csv") ? "text/csv; charset=UTF-8" : lower.endsWith(".json")
                    ? "application/json" : lower.endsWith(".xlsx") ? XLSX : "application/octet-stream", response);
        }
    }

    /**
     * A center's correction workbook (rows of its firms: operators only), by a name the
     * listing has.
     */
    @GetMapping("/rounds/{round}/corrections/{name}")
    void correction(@PathVariable String round, @PathVariable String name, HttpServletResponse response)
            throws IOException {
        int r = Rounds.parse(round);
        if (!queries.correctionFiles(r).contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        send(properties.roundOutput(r).resolve("corrections").resolve(name), name, XLSX, response);
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A file as the response: shown in the browser, or as a download under its name
     * (Korean names kept).
     */
    private static void send(Path file, @Nullable String downloadName, String contentType, HttpServletResponse response)
            throws IOException {
        response.setContentType(contentType);
        if (downloadName != null) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(downloadName, StandardCharsets.UTF_8).build().toString());
        }
        // never a link: a file linked into output/ from elsewhere is not served
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try (java.io.InputStream in = Files.newInputStream(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                OutputStream out = response.getOutputStream()) {
            response.setContentLengthLong(Files.size(file));
            in.transferTo(out);
        }
    }

    @PostMapping("/rounds/{round}/start")
    String start(@PathVariable String round, @RequestParam(required = false) String runDate, Principal user,
            RedirectAttributes redirect, Locale locale) {
        int r = Rounds.parse(round);
        LocalDate date;
        try {
            date = runDate == null || runDate.isBlank() ? LocalDate.now() : LocalDate.parse(runDate.strip());
        }
        catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "runDate is yyyy-MM-dd");
        }
        return told(runs.start(r, date, user.getName()), r, redirect, locale);
    }

    @PostMapping("/rounds/{round}/executions/{id}/restart")
    String restart(@PathVariable String round, @PathVariable long id, Principal user, RedirectAttributes redirect,
            Locale locale) {
        int r = Rounds.parse(round);
        return told(runs.restart(r, id, user.getName()), r, redirect, locale);
    }

    @PostMapping("/rounds/{round}/executions/{id}/stop")
    String stop(@PathVariable String round, @PathVariable long id, Principal user, RedirectAttributes redirect,
            Locale locale) {
        int r = Rounds.parse(round);
        return told(runs.stop(r, id, user.getName()), r, redirect, locale);
    }

    private String told(ConsoleRuns.Outcome outcome, int round, RedirectAttributes redirect, Locale locale) {
        if ("action.noSuchExecution".equals(outcome.messageKey())) {
            // not an execution of this round: nothing to act on
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such execution of this round");
        }
        redirect.addFlashAttribute(outcome.done() ? "notice" : "problem",
                messages.getMessage(outcome.messageKey(), outcome.arguments(), locale));
        return "redirect:/rounds/" + round;
    }

    static FindingFilter filter(String file, String center, String rule, String severity) {
        try {
            return new FindingFilter(blankToNull(file), blankToNull(center),
                    rule == null || rule.isBlank() ? null : Rule.valueOf(rule),
                    severity == null || severity.isBlank() ? null : Severity.valueOf(severity));
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no such rule or severity");
        }
    }

    private static @Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
