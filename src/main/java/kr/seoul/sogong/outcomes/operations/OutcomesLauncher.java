package kr.seoul.sogong.outcomes.operations;

import kr.seoul.sogong.outcomes.settings.Command;
import kr.seoul.sogong.outcomes.settings.ExitCodes;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    private int exitCode = ExitCodes.FAILED;

    public OutcomesLauncher(RoundRunner runner, RunHistory history, NightlyRounds nightly, RunPurge purge) {
        this.runner = runner;
        this.history = history;
        this.nightly = nightly;
        this.purge = purge;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        try {
            switch (Command.of(words)) {
                case STATUS -> {
                    try {
                        history.print(RunRequest.roundFilter(words.subList(1, words.size())));
                    }
                    catch (org.springframework.jdbc.BadSqlGrammarException noTablesYet) {
                        System.out.println("no runs yet (the database has no job tables)");
                    }
                    exitCode = ExitCodes.COMPLETED;
                }
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
