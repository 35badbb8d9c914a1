package kr.seoul.sogong.outcomes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OutcomesApplication {

    public static void main(String[] args) {
        // exit(...) turns the launcher's ExitCodeGenerator into the process exit code,
        // so cron and systemd see a failed or refused run.
        System.exit(SpringApplication.exit(SpringApplication.run(OutcomesApplication.class, args)));
    }
}
