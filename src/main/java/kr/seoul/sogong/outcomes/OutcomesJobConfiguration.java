package kr.seoul.sogong.outcomes;

import kr.seoul.sogong.outcomes.intake.CenterDirectory;
import kr.seoul.sogong.outcomes.intake.IntakeStore;
import kr.seoul.sogong.outcomes.intake.IntakeWriter;
import kr.seoul.sogong.outcomes.intake.RoundAdmissionTasklet;
import kr.seoul.sogong.outcomes.intake.RoundRowReader;
import kr.seoul.sogong.outcomes.intake.RowValidationProcessor;
import kr.seoul.sogong.outcomes.intake.SourceRow;
import kr.seoul.sogong.outcomes.intake.ValidatedRow;
import kr.seoul.sogong.outcomes.operations.GracefulStop;
import kr.seoul.sogong.outcomes.outcomes.OutcomeCalculator;
import kr.seoul.sogong.outcomes.outcomes.OutcomeStore;
import kr.seoul.sogong.outcomes.outcomes.OutcomeTablesTasklet;
import kr.seoul.sogong.outcomes.quality.DataQuality;
import kr.seoul.sogong.outcomes.quality.FindingsReportTasklet;
import kr.seoul.sogong.outcomes.reports.CommitteeReportsTasklet;
import kr.seoul.sogong.outcomes.rules.CrossRowRulesTasklet;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
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

    @Bean
    public Job outcomesJob(JobRepository jobRepository, Step admitRound, Step ingestRows, Step crossRowRules,
            Step findingsReport, Step outcomeTables, Step committeeReports) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new GracefulStop())
                .start(admitRound)
                .next(ingestRows)
                .next(crossRowRules)
                .next(findingsReport)
                .next(outcomeTables)
                .next(committeeReports)
                .build();
    }

    @Bean
    public Step admitRound(JobRepository jobRepository, PlatformTransactionManager tx, RoundAdmissionTasklet tasklet) {
        return new StepBuilder("admitRound", jobRepository).tasklet(tasklet, tx).allowStartIfComplete(true).build();
    }

    @Bean
    @StepScope
    public RoundAdmissionTasklet roundAdmissionTasklet(IntakeStore store, OutcomesProperties properties,
            @Value("#{jobParameters['round']}") Long round) {
        return new RoundAdmissionTasklet(store, properties, round.intValue());
    }

    @Bean
    public Step ingestRows(JobRepository jobRepository, PlatformTransactionManager tx, OutcomesProperties properties,
            RoundRowReader roundRowReader, RowValidationProcessor rowValidationProcessor, IntakeWriter intakeWriter) {
        return new StepBuilder("ingestRows", jobRepository)
                .<SourceRow, ValidatedRow>chunk(properties.chunkSize(), tx)
                .reader(roundRowReader)
                .processor(rowValidationProcessor)
                .writer(intakeWriter)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    public RoundRowReader roundRowReader(IntakeStore store, OutcomesProperties properties,
            @Value("#{jobParameters['round']}") Long round) {
        return new RoundRowReader(store, properties.roundInput(round.intValue()), round.intValue());
    }

    @Bean
    @StepScope
    public RowValidationProcessor rowValidationProcessor(IntakeStore store, OutcomesProperties properties,
            @Value("#{jobParameters['round']}") Long round) {
        return new RowValidationProcessor(new CenterDirectory(store.centers(round.intValue())), round.intValue(),
                properties.maxFieldLength());
    }

    @Bean
    @StepScope
    public IntakeWriter intakeWriter(JdbcTemplate jdbc, IntakeStore store,
            @Value("#{jobParameters['round']}") Long round) {
        return new IntakeWriter(jdbc, store, round.intValue());
    }

    @Bean
    public Step crossRowRules(JobRepository jobRepository, PlatformTransactionManager tx,
            CrossRowRulesTasklet crossRowRulesTasklet) {
        return new StepBuilder("crossRowRules", jobRepository).tasklet(crossRowRulesTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    @StepScope
    public CrossRowRulesTasklet crossRowRulesTasklet(JdbcTemplate jdbc, IntakeStore store,
            @Value("#{jobParameters['round']}") Long round) {
        return new CrossRowRulesTasklet(jdbc, store, round.intValue());
    }

    @Bean
    public Step findingsReport(JobRepository jobRepository, PlatformTransactionManager tx,
            FindingsReportTasklet findingsReportTasklet) {
        return new StepBuilder("findingsReport", jobRepository).tasklet(findingsReportTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    @StepScope
    public FindingsReportTasklet findingsReportTasklet(DataQuality dataQuality, OutcomesProperties properties,
            @Value("#{jobParameters['round']}") Long round) {
        return new FindingsReportTasklet(dataQuality, properties, round.intValue());
    }

    @Bean
    public Step outcomeTables(JobRepository jobRepository, PlatformTransactionManager tx,
            OutcomeTablesTasklet outcomeTablesTasklet) {
        return new StepBuilder("outcomeTables", jobRepository).tasklet(outcomeTablesTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    @StepScope
    public OutcomeTablesTasklet outcomeTablesTasklet(OutcomeCalculator calculator, OutcomeStore store,
            OutcomesProperties properties, @Value("#{jobParameters['round']}") Long round) {
        return new OutcomeTablesTasklet(calculator, store, round.intValue(), properties.minCell());
    }

    @Bean
    public Step committeeReports(JobRepository jobRepository, PlatformTransactionManager tx,
            CommitteeReportsTasklet committeeReportsTasklet) {
        return new StepBuilder("committeeReports", jobRepository).tasklet(committeeReportsTasklet, tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    @StepScope
    public CommitteeReportsTasklet committeeReportsTasklet(OutcomeStore outcomes, DataQuality dataQuality,
            IntakeStore intake, OutcomesProperties properties, @Value("#{jobParameters['round']}") Long round) {
        return new CommitteeReportsTasklet(outcomes, dataQuality, intake, properties, round.intValue());
    }
}
