package kr.seoul.sogong.outcomes;

import java.util.List;
import kr.seoul.sogong.outcomes.settings.Command;
import kr.seoul.sogong.outcomes.console.ConsoleSettings;
import kr.seoul.sogong.outcomes.console.ConsoleUsers;
import kr.seoul.sogong.outcomes.console.UserCommand;
import kr.seoul.sogong.outcomes.generator.RoundGenerator;
import kr.seoul.sogong.outcomes.kits.KitCommand;
import kr.seoul.sogong.outcomes.settings.ExitCodes;
import kr.seoul.sogong.outcomes.operations.H2StartupGuard;
import kr.seoul.sogong.outcomes.operations.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OutcomesApplication {

    public static void main(String[] args) {
        String fileNames = System.getProperty("sun.jnu.encoding", "");
        if (!fileNames.equalsIgnoreCase("UTF-8")) {
            // Java reads the locale once, at start: too late to set here. Without UTF-8
            // every Korean file
            // name turns into ?????? and every workbook is UNREADABLE, with nothing
            // pointing at the locale.
            System.err.println("ERROR the locale is not UTF-8 (file names would be read as " + fileNames
                    + ", so Korean names turn into ??????): set LANG=C.UTF-8 (the jobs/ scripts and the"
                    + " scheduler examples do), then run the same command");
            System.exit(ExitCodes.USAGE);
        }
        Command command = Command.of(List.of(args));
        if (!command.needsContext()) {
            // files only: no Spring context, no database
            System.exit(runWithoutContext(command, List.of(args).subList(1, args.length)));
        }
        if (command.runsRounds()) {
            // a stop from the first millisecond (systemd stop, Ctrl-C, a CronJob
            // deadline): before this, a SIGTERM during the JVM's and Spring's start ended
            // with 143 and no word
            kr.seoul.sogong.outcomes.operations.GracefulStop.install();
        }
        // the first line, before Spring starts (which may take seconds on a busy machine)
        System.err.println(kr.seoul.sogong.outcomes.operations.FirstLine.of(args));
        boolean serve = command == Command.SERVE;
        if (serve) {
            java.nio.file.Path users = ConsoleSettings.usersFile(args);
            String problem = ConsoleUsers.unsafe(users, System.err);
            if (problem != null) {
                System.err.println("ERROR " + problem);
                System.exit(ExitCodes.USAGE);
            }
            if (new ConsoleUsers(users).all().isEmpty()) {
                // no default password: the operator makes the first account
                System.err.println("ERROR the console has no user (" + users + "): add one first, with"
                        + " `java -jar target/sogong-outcomes.jar user add NAME --role OPERATOR`"
                        + " (it reads the password from standard input), then run serve again");
                System.exit(ExitCodes.USAGE);
            }
        }
        try {
            SpringApplication application = new SpringApplication(OutcomesApplication.class);
            if (serve) {
                // the console: a web server that runs until stopped; exit is not called
                // below
                // (as an argument: spring.main.* in application.properties would override
                // a setter)
                application.addListeners(new H2StartupGuard());
                application.run(java.util.stream.Stream
                    .concat(java.util.stream.Stream.of(args),
                            java.util.stream.Stream.of("--spring.main.web-application-type=servlet"))
                    .toArray(String[]::new));
                return;
            }
            int exitCode;
            if (command == Command.STATUS) {
                // status only reads: no migration check (a third of its start-up time),
                // and only the beans it uses, never the job's (1.9 s -> 1.5 s)
                args = java.util.stream.Stream
                    .concat(java.util.stream.Stream.of(args),
                            java.util.stream.Stream.of("--spring.flyway.enabled=false",
                                    "--spring.main.lazy-initialization=true"))
                    .toArray(String[]::new);
            }
            application.addListeners(new H2StartupGuard());
            // exit(...) turns the launcher's ExitCodeGenerator into the process exit
            // code,
            // so cron and systemd see a failed or refused run.
            exitCode = SpringApplication.exit(application.run(args));
            System.exit(exitCode);
        }
        catch (Throwable failure) {
            // one line, not a stack trace, as the last word
            System.exit(StartupFailure.report(failure));
        }
    }

    /** The commands that write files only; returns the exit code. */
    private static int runWithoutContext(Command command, List<String> args) {
        try {
            return switch (command) {
                case GENERATE -> RoundGenerator.command(args);
                case KIT -> KitCommand.run(args, System.out, System.err);
                case USER -> UserCommand.run(args, System.in, System.out, System.err);
                default -> throw new IllegalArgumentException(command + " needs the application context");
            };
        }
        catch (Exception e) {
            System.err.println("ERROR " + command.word() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

}
