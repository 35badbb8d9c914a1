package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.corrections.CorrectionMail;
import kr.seoul.sogong.outcomes.retention.Destruction;
import kr.seoul.sogong.outcomes.settings.Command;
import kr.seoul.sogong.outcomes.settings.ExitCodes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The operator's commands: {@code round=<yyyy> [runDate=<yyyy-MM-dd>]} runs or restarts a
 * round; {@code nightly} runs the configured rounds one after the other; {@code status}
 * shows recent runs; {@code purge} deletes old ones.
 *
 * <p>
 * A run is identified by its business parameters, {@code round} and {@code runDate}: the
 * same command after a failure restarts that job instance from its checkpoint. The same
 * command after a completed run runs the round again as a new instance ({@code rerun=n}),
 * so a nightly rerun on unchanged files simply reproduces the outputs instead of being
 * refused. Before launching, the round's {@link RunLock} is taken (a second launch is
 * refused while one runs) and executions left running by a killed process are recovered.
 */
@Component
@ConditionalOnProperty(name = "outcomes.launcher.enabled", havingValue = "true", matchIfMissing = true)
public class OutcomesLauncher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(OutcomesLauncher.class);

    private final RoundRunner runner;

    private final RunHistory history;

    private final NightlyRounds nightly;

    private final RunPurge purge;

    private final NightlyCheck check;

    private final CorrectionMail corrections;

    private final Destruction destruction;

    private int exitCode = ExitCodes.FAILED;

    public OutcomesLauncher(RoundRunner runner, RunHistory history, NightlyRounds nightly, RunPurge purge,
            NightlyCheck check, CorrectionMail corrections, Destruction destruction) {
        this.runner = runner;
        this.history = history;
        this.nightly = nightly;
        this.purge = purge;
        this.check = check;
        this.corrections = corrections;
        this.destruction = destruction;
    }

    /**
     * {@code status --check [max-age=26h]}: one line per nightly round; 0 when every one
     * completed within the age and failed no run since, else 1 — for cron, a monitoring
     * agent or a probe.
     */
    int check(List<String> words) {
        Duration maxAge = NightlyCheck.DEFAULT_MAX_AGE;
        for (String w : words) {
            if (!w.startsWith("max-age=")) {
                throw new RunRequest.UsageException(
                        "status --check takes max-age=<duration> (26h, 90m, P1D), not " + w);
            }
            try {
                maxAge = DurationStyle.detectAndParse(w.substring("max-age=".length()));
            }
            catch (IllegalArgumentException e) {
                throw new RunRequest.UsageException(
                        "max-age is a duration such as 26h, 90m or P1D, not " + w.substring("max-age=".length()));
            }
        }
        List<NightlyCheck.RoundCheck> checks = this.check.check(maxAge, LocalDateTime.now());
        if (checks.isEmpty()) {
            System.out.println("no nightly round: outcomes.nightly.rounds is empty and the input folder has none");
        }
        checks.forEach(c -> System.out.println(c.line()));
        return NightlyCheck.allOk(checks) ? ExitCodes.COMPLETED : ExitCodes.FAILED;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        try {
            switch (Command.of(words)) {
                case STATUS -> {
                    if (args.containsOption("check")) {
                        exitCode = check(words.subList(1, words.size()));
                        return;
                    }
                    try {
                        history.print(RunRequest.roundFilter(words.subList(1, words.size())));
                    }
                    catch (org.springframework.jdbc.BadSqlGrammarException noTablesYet) {
                        System.out.println("no runs yet (the database has no job tables)");
                    }
                    exitCode = ExitCodes.COMPLETED;
                }
                case MAIL_CORRECTIONS -> {
                    Integer round = RunRequest.roundFilter(words.subList(1, words.size()));
                    if (round == null) {
                        throw new RunRequest.UsageException("mail-corrections needs round=<yyyy>");
                    }
                    exitCode = corrections.send(round, args.containsOption("dry-run"), System.out);
                }
                case DESTROY -> exitCode = destruction.destroy(RunRequest.roundFilter(words.subList(1, words.size())),
                        args.containsOption("dry-run"), RoundRunner.commandLineUser(), LocalDate.now(), System.out);
                case PURGE -> {
                    RunRequest.Purge purge = RunRequest.purge(words.subList(1, words.size()));
                    boolean dryRun = args.containsOption("dry-run");
                    RunPurge.print(this.purge.purge(purge.round(), purge.keep(), dryRun), dryRun, System.out);
                    exitCode = ExitCodes.COMPLETED;
                }
                // the console: the web server runs
                case SERVE -> exitCode = ExitCodes.COMPLETED;
                case NIGHTLY -> {
                    GracefulStop.install();
                    exitCode = runNightly(RunRequest.runDate(words.subList(1, words.size()), LocalDate.now()));
                }
                case RUN -> {
                    RunRequest request = RunRequest.parse(words, LocalDate.now());
                    GracefulStop.install();
                    exitCode = runRound(request);
                }
                // the commands without a context never start one
                case KIT, GENERATE, USER -> exitCode = ExitCodes.USAGE;
            }
        }
        catch (RunRequest.UsageException e) {
            log.error(e.getMessage());
            exitCode = ExitCodes.USAGE;
        }
    }

    int runNightly(LocalDate runDate) throws Exception {
        List<Integer> rounds = nightly.rounds(runDate);
        if (rounds.isEmpty()) {
            log.error("nightly: no round configured for {} (outcomes.nightly.rounds) and none in the input folder",
                    runDate);
            return ExitCodes.USAGE;
        }
        log.info("nightly {}: rounds {}", runDate, rounds);
        int first = ExitCodes.COMPLETED;
        for (int round : rounds) {
            if (destruction.destroyedAt(round).isPresent()) {
                log.warn("nightly: round {} is not run: its personal data was destroyed (past its retention)", round);
                continue;
            }
            int code = runRound(new RunRequest(round, runDate));
            if (first == ExitCodes.COMPLETED) {
                first = code;
            }
            if (code == ExitCodes.STOPPED) {
                break;
            }
        }
        return first;
    }

    int runRound(RunRequest request) throws Exception {
        return runner.run(request, RoundRunner.commandLineUser());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

}
