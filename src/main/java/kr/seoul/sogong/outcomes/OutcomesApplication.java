package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.operations.H2StartupGuard;
import kr.seoul.sogong.outcomes.operations.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OutcomesApplication {

    public static void main(String[] args) {
        int exitCode;
        try {
            SpringApplication application = new SpringApplication(OutcomesApplication.class);
            application.addListeners(new H2StartupGuard());
            // exit(...) turns the launcher's ExitCodeGenerator into the process exit code,
            // so cron and systemd see a failed or refused run.
            exitCode = SpringApplication.exit(application.run(args));
        } catch (Throwable failure) {
            exitCode = StartupFailure.report(failure); // one line, not a stack trace, as the last word
        }
        System.exit(exitCode);
    }
}
