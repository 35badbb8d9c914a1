package kr.seoul.sogong.outcomes.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Value;

/**
 * The running job's {@code round} parameter, injected into a step-scoped component's
 * constructor: {@code public CrossRowRulesTasklet(..., @JobRound int round)}. Each step's
 * components receive the round themselves instead of the job configuration passing it to
 * each.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Value(RunParameters.ROUND_VALUE)
public @interface JobRound {

}
