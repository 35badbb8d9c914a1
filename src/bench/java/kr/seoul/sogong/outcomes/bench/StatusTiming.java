package kr.seoul.sogong.outcomes.bench;

import kr.seoul.sogong.outcomes.settings.RunParameters;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kr.seoul.sogong.outcomes.OutcomesApplication;
import kr.seoul.sogong.outcomes.operations.RunFacts;
import kr.seoul.sogong.outcomes.operations.RunHistory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.explore.JobExplorer;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code status} on a job repository holding 1,000 executions (5 rounds, 200 runs each, 6
 * steps per run), on H2 and PostgreSQL: median of 5 calls of the whole listing and of one
 * round's. Usage: StatusTiming [executions]
 */
public final class StatusTiming {

    public static void main(String[] args) throws Exception {
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("status-timing");
        System.out.println(measure("h2", "jdbc:h2:file:" + dir.resolve("db") + "/outcomes", "sa", executions));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            System.out.println(measure("postgres", pg.getJdbcUrl("postgres", "postgres"), "postgres", executions));
        }
    }

    static String measure(String name, String url, String user, int executions) throws Exception {
        // as arguments: properties() would only be defaults, below application.properties
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OutcomesApplication.class).run(
                "--outcomes.launcher.enabled=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=", "--logging.level.root=ERROR",
                "--logging.file.name=target/status-timing.log")) {
            JobRepository repository = context.getBean(JobRepository.class);
            RunFacts facts = context.getBean(RunFacts.class);
            for (int i = 0; i < executions; i++) {
                int round = 2020 + i % 5;
                var parameters = new JobParametersBuilder().addLong("round", (long) round)
                    .addLocalDate("runDate", LocalDate.of(2022, 1, 1).plusDays(i))
                    .toJobParameters();
                JobExecution e = repository.createJobExecution(
                        repository.createJobInstance(RunParameters.JOB_NAME, parameters), parameters,
                        new org.springframework.batch.infrastructure.item.ExecutionContext());
                e.setStartTime(LocalDateTime.now());
                for (String step : List.of("admitRound", "ingestRows", "crossRowRules", "findingsReport", "qualityGate",
                        "outcomeTables", "committeeReports")) {
                    StepExecution s = repository.createStepExecution(step, e);
                    s.setReadCount(step.equals("ingestRows") ? 451 : 0);
                    s.setStatus(BatchStatus.COMPLETED);
                    s.setExitStatus(ExitStatus.COMPLETED);
                    s.setEndTime(LocalDateTime.now());
                    repository.update(s);
                }
                e.setStatus(BatchStatus.COMPLETED);
                e.setExitStatus(ExitStatus.COMPLETED);
                e.setEndTime(LocalDateTime.now());
                repository.update(e);
                facts.started(e.getId(), round);
                facts.ended(e.getId(), 7, 5);
            }
            RunHistory history = context.getBean(RunHistory.class);
            JobRepository explorer = context.getBean(JobRepository.class);
            int listed = history.recent(null).size();
            return String.format(
                    "%s, %,d executions: status %.1f ms (%d lines), status round=2022 %.1f ms;"
                            + " baseline, the former listing through JobExplorer: %.1f ms (median of 5)",
                    name, executions, median(() -> history.recent(null)), listed, median(() -> history.recent(2022)),
                    median(() -> formerListing(explorer)));
        }
    }

    /**
     * How status listed runs before: every instance (up to 200), every execution with its
     * steps.
     */
    static int formerListing(JobRepository explorer) {
        int n = 0;
        for (JobInstance instance : explorer.getJobInstances(RunParameters.JOB_NAME, 0, 200)) {
            for (JobExecution e : explorer.getJobExecutions(instance)) {
                n += e.getStepExecutions().size();
            }
        }
        return n;
    }

    private static double median(Runnable call) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return ms.get(2);
    }

}
