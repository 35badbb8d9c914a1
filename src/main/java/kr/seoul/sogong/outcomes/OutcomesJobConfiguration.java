package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.intake.CenterDirectory;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.intake.IntakeWriter;
import kr.seoul.sogong.outcomes.intake.RoundAdmissionTasklet;
import kr.seoul.sogong.outcomes.intake.RoundRowReader;
import kr.seoul.sogong.outcomes.validation.RowValidationProcessor;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.intake.ValidatedRow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import kr.seoul.sogong.outcomes.operations.GracefulStop;
import kr.seoul.sogong.outcomes.operations.IngestProgress;
import kr.seoul.sogong.outcomes.operations.LogContext;
import org.springframework.batch.core.listener.JobExecutionListener;
import kr.seoul.sogong.outcomes.operations.RunFacts;
import kr.seoul.sogong.outcomes.operations.RunSummary;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import kr.seoul.sogong.outcomes.outcomes.OutcomeCalculator;
import kr.seoul.sogong.outcomes.outcomes.OutcomeStore;
import kr.seoul.sogong.outcomes.outcomes.OutcomeTablesTasklet;
import kr.seoul.sogong.outcomes.quality.DataQuality;
import kr.seoul.sogong.outcomes.reports.FindingsReportTasklet;
import kr.seoul.sogong.outcomes.reports.CommitteeReportsTasklet;
import kr.seoul.sogong.outcomes.reports.OutputPublisher;
import kr.seoul.sogong.outcomes.rules.CrossRowRulesTasklet;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job for one round: admit the files, ingest and validate every row, apply the rules
 * across rows, report the findings and pass the quality gate, compute and store the outcome
 * tables, write the committee's files.
 *
 * <p>Every step may run again after it completed ({@code allowStartIfComplete}): a restart first
 * re-admits the input folder, so it sees files fixed, added or removed since the failure, and the
 * ingest step then reads only what is not yet committed.
 */
@Configuration
public class OutcomesJobConfiguration {

    public static final String JOB_NAME = "outcomesJob";

    private static final LogContext LOG_CONTEXT = new LogContext();

    @Bean
    public Job outcomesJob(JobRepository jobRepository, Step admitRound, Step ingestRows, Step crossRowRules,
            Step findingsReport, Step outcomeTables, Step committeeReports, ObservationRegistry observations,
            MeterRegistry meters, IntakeStore intake, OutcomesProperties properties, RunFacts facts) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(RunParameters.validator())
                .observationRegistry(observations)
                .listener(new GracefulStop())
                .listener((JobExecutionListener) LOG_CONTEXT)
                .listener(new RunSummary(intake, meters, facts))
                // registered last, so its afterJob runs first: the summary sees the outputs in place
                .listener(new OutputPublisher(properties))
                .start(admitRound)
                .next(ingestRows)
                .next(crossRowRules)
                .next(findingsReport)
                .next(outcomeTables)
                .next(committeeReports)
                .build();
    }

    /** A one-transaction step; like every step here, it runs again on a restart (see the class comment). */
    private static Step taskletStep(String name, org.springframework.batch.core.step.tasklet.Tasklet tasklet,
            JobRepository jobRepository, PlatformTransactionManager tx) {
        return new StepBuilder(name, jobRepository)
                .listener((StepExecutionListener) LOG_CONTEXT)
                .tasklet(tasklet, tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    public Step admitRound(JobRepository jobRepository, PlatformTransactionManager tx, RoundAdmissionTasklet tasklet) {
        return taskletStep("admitRound", tasklet, jobRepository, tx);
    }

    @Bean
    @StepScope
    public RoundAdmissionTasklet roundAdmissionTasklet(IntakeStore store, OutcomesProperties properties,
            @Value(RunParameters.ROUND_VALUE) Long round) {
        return new RoundAdmissionTasklet(store, properties, round.intValue());
    }

    @Bean
    public Step ingestRows(JobRepository jobRepository, PlatformTransactionManager tx, OutcomesProperties properties,
            RoundRowReader roundRowReader, RowValidationProcessor rowValidationProcessor, IntakeWriter intakeWriter,
            IngestProgress ingestProgress, ObservationRegistry observations, MeterRegistry meters) {
        return new StepBuilder("ingestRows", jobRepository)
                .listener((StepExecutionListener) LOG_CONTEXT)
                .<SourceRow, ValidatedRow>chunk(properties.chunkSize())
                .transactionManager(tx)
                .observationRegistry(observations)
                .listener((StepExecutionListener) ingestProgress)
                .listener((ChunkListener) ingestProgress)
                .reader(roundRowReader)
                .processor(rowValidationProcessor)
                .writer(intakeWriter)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    public IngestProgress ingestProgress(IntakeStore store, @Value(RunParameters.ROUND_VALUE) Long round,
            OutcomesProperties properties) {
        return new IngestProgress(store, round.intValue(), properties.progressInterval());
    }

    @Bean
    @StepScope
    public RoundRowReader roundRowReader(IntakeStore store, OutcomesProperties properties,
            @Value(RunParameters.ROUND_VALUE) Long round) {
        return new RoundRowReader(store, properties.roundInput(round.intValue()), round.intValue());
    }

    @Bean
    @StepScope
    public RowValidationProcessor rowValidationProcessor(IntakeStore store, OutcomesProperties properties,
            @Value(RunParameters.ROUND_VALUE) Long round) {
        return new RowValidationProcessor(new CenterDirectory(store.centers(round.intValue())), round.intValue(),
                properties.maxFieldLength());
    }

    @Bean
    @StepScope
    public IntakeWriter intakeWriter(JdbcTemplate jdbc, IntakeStore store,
            @Value(RunParameters.ROUND_VALUE) Long round) {
        return new IntakeWriter(jdbc, store, round.intValue());
    }

    @Bean
    public Step crossRowRules(JobRepository jobRepository, PlatformTransactionManager tx,
            CrossRowRulesTasklet crossRowRulesTasklet) {
        return taskletStep("crossRowRules", crossRowRulesTasklet, jobRepository, tx);
    }

    @Bean
    @StepScope
    public CrossRowRulesTasklet crossRowRulesTasklet(JdbcTemplate jdbc, IntakeStore store,
            @Value(RunParameters.ROUND_VALUE) Long round) {
        return new CrossRowRulesTasklet(jdbc, store, round.intValue());
    }

    @Bean
    public Step findingsReport(JobRepository jobRepository, PlatformTransactionManager tx,
            FindingsReportTasklet findingsReportTasklet) {
        return taskletStep("findingsReport", findingsReportTasklet, jobRepository, tx);
    }

    @Bean
    @StepScope
    public FindingsReportTasklet findingsReportTasklet(DataQuality dataQuality, OutcomesProperties properties,
            @Value(RunParameters.ROUND_VALUE) Long round) {
        return new FindingsReportTasklet(dataQuality, properties, round.intValue());
    }

    @Bean
    public Step outcomeTables(JobRepository jobRepository, PlatformTransactionManager tx,
            OutcomeTablesTasklet outcomeTablesTasklet) {
        return taskletStep("outcomeTables", outcomeTablesTasklet, jobRepository, tx);
    }

    @Bean
    @StepScope
    public OutcomeTablesTasklet outcomeTablesTasklet(OutcomeCalculator calculator, OutcomeStore store,
            OutcomesProperties properties, @Value(RunParameters.ROUND_VALUE) Long round) {
        return new OutcomeTablesTasklet(calculator, store, round.intValue(), properties.minCell());
    }

    @Bean
    public Step committeeReports(JobRepository jobRepository, PlatformTransactionManager tx,
            CommitteeReportsTasklet committeeReportsTasklet) {
        return taskletStep("committeeReports", committeeReportsTasklet, jobRepository, tx);
    }

    @Bean
    @StepScope
    public CommitteeReportsTasklet committeeReportsTasklet(OutcomeStore outcomes, DataQuality dataQuality,
            IntakeStore intake, OutcomesProperties properties, @Value(RunParameters.ROUND_VALUE) Long round) {
        return new CommitteeReportsTasklet(outcomes, dataQuality, intake, properties, round.intValue());
    }
}
