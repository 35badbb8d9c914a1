package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.operations.GracefulStop;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OutcomesApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OutcomesApplication.class);
        // SIGTERM is handled by GracefulStop, which lets the job stop at a chunk boundary
        // before the context (and its connections) is closed.
        application.setRegisterShutdownHook(false);
        // exit(...) turns the launcher's ExitCodeGenerator into the process exit code,
        // so cron and systemd see a failed or refused run.
        int exitCode = SpringApplication.exit(application.run(args));
        GracefulStop.mainFinished(exitCode);
        System.exit(exitCode);
    }
}
