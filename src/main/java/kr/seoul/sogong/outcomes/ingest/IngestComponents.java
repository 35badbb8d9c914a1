package kr.seoul.sogong.outcomes.ingest;

import kr.seoul.sogong.outcomes.centers.CenterDirectory;
import kr.seoul.sogong.outcomes.settings.JobRound;
import kr.seoul.sogong.outcomes.settings.OutcomesProperties;
import kr.seoul.sogong.outcomes.store.IntakeStore;
import kr.seoul.sogong.outcomes.validation.RowValidationProcessor;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest's components that are not ours to annotate: the single-row rules know rows,
 * centers and findings only, and get the round's centers as admitted from here.
 */
@Configuration(proxyBeanMethods = false)
public class IngestComponents {

    /** Concrete type: a step-scoped bean's type must be what the step is given. */
    @Bean
    @StepScope
    public RowValidationProcessor rowValidationProcessor(IntakeStore store, OutcomesProperties properties,
            @JobRound int round) {
        return new RowValidationProcessor(new CenterDirectory(store.centers(round)), round,
                properties.maxFieldLength());
    }

}
